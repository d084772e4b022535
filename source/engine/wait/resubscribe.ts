/**
 * A container's event subscription that outlives the stream: when it ends (daemon restarted,
 * connection dropped) or cannot be opened, it is opened again with backoff until the signal
 * aborts, and `onResync` runs after each (re)opening so the caller inspects the container and
 * recovers whatever happened while no events could arrive. The one reconnect every event-driven
 * wait uses.
 */
import {backoffDelay} from './backoff.js';
import type {Clock, ContainerEvent, ProbeCapabilities} from './types.js';

/** Options of `watchAcrossDrops`. */
export type WatchAcrossDropsOptions = {
	readonly signal: AbortSignal;
	readonly clock: Pick<Clock, 'sleep'>;
	readonly onEvent: (event: ContainerEvent) => void;
	/** Runs once the subscription is live, first and after every re-subscription: inspect now. */
	readonly onResync: (reason: 'opened' | 'reopened') => void;
	/** Called when the stream ended or could not be opened (the error, when there was one). */
	readonly onDrop?: (error?: Error) => void;
	readonly backoffCapMs?: number;
	readonly random?: () => number;
};

/**
 * Keeps `id`'s events flowing until `signal` aborts; returns at once (everything happens in
 * callbacks). Each re-subscription waits its backoff first (at least 250 ms), so a stream that
 * drops as soon as it opens never spins.
 */
export function watchAcrossDrops(watch: ProbeCapabilities['watch'], id: string, options: WatchAcrossDropsOptions): void {
	const {signal, clock} = options;
	const random = options.random ?? Math.random;
	const open = async (reason: 'opened' | 'reopened'): Promise<void> => {
		for (let attempt = 0; !signal.aborted; attempt++) {
			if (reason === 'reopened') {
				const slept = await clock.sleep(backoffDelay(attempt, random(), {capMs: options.backoffCapMs}), signal).then(
					() => true,
					() => false,
				);
				if (!slept) return;
			}
			try {
				// The stream ends at most once; each end starts one new round of attempts.
				await watch(id, signal, options.onEvent, error => {
					options.onDrop?.(error);
					void open('reopened');
				});
			} catch (error) {
				if (signal.aborted) return;
				options.onDrop?.(error instanceof Error ? error : new Error(String(error)));
				reason = 'reopened';
				continue;
			}
			options.onResync(reason);
			return;
		}
	};
	void open('opened');
}
