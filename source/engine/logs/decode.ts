/**
 * Turns the raw bytes of one Docker log stream (requested with `timestamps=true`) into log
 * lines: demultiplexed for non-TTY containers, raw for TTY ones, split on `\n` per output.
 */
import {demultiplex} from './demux.js';
import {splitLines} from './lines.js';
import {splitTimestamp} from './timestamps.js';

/** One log line. `tty` marks output of a TTY container, where stdout and stderr are one stream. */
export type LogLine = {
	readonly stream: 'stdout' | 'stderr' | 'tty';
	/** Docker's RFC 3339 timestamp ('' when the line had none). */
	readonly timestamp: string;
	readonly text: string;
};

/** A stateful decoder for one stream: `push` each chunk, `flush` at the end for unfinished lines. */
export type LogDecoder = {
	push(chunk: Buffer): LogLine[];
	flush(): LogLine[];
};

/** Creates a decoder for a TTY (raw) or non-TTY (multiplexed) container's log stream. */
export function createLogDecoder(tty: boolean): LogDecoder {
	let framePending: Buffer = Buffer.alloc(0);
	const pending: Record<LogLine['stream'], Buffer> = {stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), tty: Buffer.alloc(0)};
	const toLines = (stream: LogLine['stream'], lines: string[]): LogLine[] =>
		lines.map(line => ({stream, ...splitTimestamp(line.endsWith('\r') ? line.slice(0, -1) : line)}));
	const feed = (stream: LogLine['stream'], data: Buffer): LogLine[] => {
		const {lines, rest} = splitLines(pending[stream], data);
		pending[stream] = rest;
		return toLines(stream, lines);
	};
	return {
		push(chunk) {
			if (tty) return feed('tty', chunk);
			const {frames, rest} = demultiplex(framePending, chunk);
			framePending = rest;
			return frames.flatMap(frame => feed(frame.stream, frame.data));
		},
		flush() {
			const out: LogLine[] = [];
			for (const stream of ['stdout', 'stderr', 'tty'] as const) {
				if (pending[stream].length > 0) out.push(...toLines(stream, [pending[stream].toString('utf8')]));
				pending[stream] = Buffer.alloc(0);
			}
			framePending = Buffer.alloc(0);
			return out;
		},
	};
}
