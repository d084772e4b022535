/** The real clock (wall time, timers), the one default wherever a `Clock` or `Scheduler` is injected. */
import type {Clock, Scheduler} from './types.js';

/** Node timers overflow above 2^31-1 ms (and fire at once); longer sleeps are chained. */
const maxTimerMs = 2_147_483_647;

/** Sleeps `ms` (Infinity: until aborted); rejects with the signal's reason when it aborts first. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	signal?.throwIfAborted();
	if (ms > maxTimerMs) {
		await sleep(maxTimerMs, signal);
		return sleep(ms - maxTimerMs, signal);
	}
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal!.reason ?? new Error('aborted'));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, Math.max(0, ms));
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

/** Wall-clock time and real timers. */
export const realClock: Clock & Scheduler = {
	now: () => Date.now(),
	sleep,
	setTimer: (callback, ms) => setTimeout(callback, ms),
	clearTimer: handle => clearTimeout(handle as NodeJS.Timeout),
};
