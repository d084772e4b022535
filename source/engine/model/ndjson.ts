/**
 * Newline-delimited JSON as the `/events` endpoint sends it: one object per line, but a
 * chunk may end mid-line (or mid-character), so the unfinished tail is carried over.
 */
import type {DockerEvent} from './types.js';

/** The complete lines in `carried + chunk` and the unfinished rest to carry to the next chunk. */
export function splitLines(carried: string, chunk: string): {lines: string[]; rest: string} {
	const text = carried + chunk;
	const lines = text.split('\n');
	const rest = lines.pop() ?? '';
	return {lines: lines.map(line => line.replace(/\r$/, '')).filter(line => line.trim() !== ''), rest};
}

/** A Docker event in its wire form (the fields the model reads). */
type WireEvent = {
	Type?: string;
	Action?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	id?: string;
	time?: number;
	timeNano?: number;
};

/** One event line, normalised (`time` in epoch ms); undefined for a line that is not an event. */
export function parseDockerEvent(line: string): DockerEvent | undefined {
	let wire: WireEvent;
	try {
		wire = JSON.parse(line) as WireEvent;
	} catch {
		return undefined;
	}
	if (typeof wire !== 'object' || wire === null || typeof wire.Type !== 'string' || typeof wire.Action !== 'string') return undefined;
	const time = typeof wire.timeNano === 'number' ? Math.floor(wire.timeNano / 1e6) : (wire.time ?? 0) * 1000;
	return {type: wire.Type, action: wire.Action, id: wire.Actor?.ID ?? wire.id ?? '', attributes: wire.Actor?.Attributes ?? {}, time};
}

/** A stateful splitter for a stream of byte chunks: feed chunks, get whole events. */
export function createEventSplitter(): (chunk: Uint8Array) => DockerEvent[] {
	const decoder = new TextDecoder('utf-8');
	let rest = '';
	return chunk => {
		const split = splitLines(rest, decoder.decode(chunk, {stream: true}));
		rest = split.rest;
		return split.lines.map(parseDockerEvent).filter((event): event is DockerEvent => event !== undefined);
	};
}
