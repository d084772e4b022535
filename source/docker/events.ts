/**
 * The daemon's `/events` stream as whole, normalised events. Resolves when the stream ends
 * (daemon gone, connection dropped) or `signal` aborts; the caller decides about reconnecting.
 */
import type Docker from 'dockerode';
import {createEventSplitter} from '../engine/model/ndjson.js';
import type {DockerEvent} from '../engine/model/types.js';

/** Options for one event subscription. */
export type FollowEventsOptions = {
	readonly signal: AbortSignal;
	/** Event types to receive (default: container, service, node). */
	readonly types?: readonly string[];
	/** Called once the daemon has accepted the subscription (events from now on will arrive). */
	readonly onOpen?: () => void;
};

/** How a followed stream ended. */
export type StreamEnd = {readonly reason: 'aborted' | 'ended' | 'error'; readonly error?: Error};

/** Follows events until the stream ends; rejects only when it cannot be opened. */
export async function followDockerEvents(docker: Docker, onEvent: (event: DockerEvent) => void, options: FollowEventsOptions): Promise<StreamEnd> {
	if (options.signal.aborted) return {reason: 'aborted'};
	const filters = JSON.stringify({type: options.types ?? ['container', 'service', 'node']});
	const stream = (await docker.getEvents({filters} as never)) as unknown as NodeJS.ReadableStream & {destroy(): void};
	options.onOpen?.();
	const split = createEventSplitter();
	return new Promise<StreamEnd>(resolve => {
		let settled = false;
		const finish = (end: StreamEnd) => {
			if (settled) return;
			settled = true;
			options.signal.removeEventListener('abort', onAbort);
			stream.destroy();
			resolve(end);
		};
		const onAbort = () => finish({reason: 'aborted'});
		options.signal.addEventListener('abort', onAbort, {once: true});
		stream.on('data', (chunk: Buffer) => {
			for (const event of split(chunk)) onEvent(event);
		});
		stream.on('end', () => finish({reason: 'ended'}));
		stream.on('close', () => finish({reason: 'ended'}));
		stream.on('error', (error: Error) => finish({reason: 'error', error}));
	});
}

/**
 * Calls `onEvent` for each event of one container among `actions` (Docker action names such as
 * `health_status`, `die`, `start`, `exec_die`) until `signal` aborts. Resolves once the
 * subscription is live, so an inspect right after it misses nothing.
 */
export async function watchContainerEvents(docker: Docker, id: string, actions: readonly string[], signal: AbortSignal, onEvent: (event: DockerEvent) => void): Promise<void> {
	const stream = (await docker.getEvents({filters: {container: [id], event: [...actions]}})) as NodeJS.ReadableStream & {destroy?: () => void};
	const close = () => stream.destroy?.();
	if (signal.aborted) return close();
	signal.addEventListener('abort', close, {once: true});
	const split = createEventSplitter();
	stream.on('data', (chunk: Buffer) => {
		for (const event of split(chunk)) onEvent(event);
	});
	stream.on('error', () => undefined);
}
