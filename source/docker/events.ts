/**
 * The events port over dockerode: the daemon's `/events` stream as whole, normalised events.
 * `follow` resolves when the stream ends (daemon gone, connection dropped) or `signal`
 * aborts; the caller decides about reconnecting. `watchContainer` is the one per-container
 * subscription every wait uses.
 */
import type Docker from 'dockerode';
import {createEventSplitter} from '../engine/ports/wire.js';
import type {EventsPort, StreamEnd} from '../engine/ports/index.js';

type EventStream = NodeJS.ReadableStream & {destroy(): void};

/** The events port for one client. */
export function eventsAdapter(docker: Docker): EventsPort {
	return {
		async follow(onEvent, options) {
			if (options.signal.aborted) return {reason: 'aborted'};
			const filters = JSON.stringify({type: options.types ?? ['container', 'service', 'node']});
			const since = options.sinceMs === undefined ? {} : {since: (options.sinceMs / 1000).toFixed(3)};
			const stream = (await docker.getEvents({filters, ...since} as never)) as unknown as EventStream;
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
		},
		async watchContainer(id, actions, signal, onEvent, onEnd) {
			signal.throwIfAborted();
			const stream = (await docker.getEvents({filters: {type: ['container'], container: [id], event: [...actions]}} as never)) as unknown as EventStream;
			const close = () => stream.destroy();
			if (signal.aborted) return close();
			signal.addEventListener('abort', close, {once: true});
			const split = createEventSplitter();
			stream.on('data', (chunk: Buffer) => {
				for (const event of split(chunk)) onEvent(event);
			});
			// A daemon restart or a dropped connection ends the stream silently: say so once, so a
			// waiter can subscribe again instead of waiting for events that will never come.
			let ended = false;
			const end = (error?: Error) => {
				if (ended || signal.aborted) return;
				ended = true;
				signal.removeEventListener('abort', close);
				stream.destroy();
				onEnd?.(error);
			};
			stream.on('end', () => end());
			stream.on('close', () => end());
			stream.on('error', (error: Error) => end(error));
		},
	};
}
