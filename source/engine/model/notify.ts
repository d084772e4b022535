/**
 * Coalesced notification: many changes, at most one callback per interval (the first change
 * after a quiet period is delivered at once, later ones at the end of the interval). The
 * clock and timer are injected so tests run without waiting.
 */

import {realClock} from '../wait/clock.js';
import {backoffDelay} from '../wait/backoff.js';
import type {Scheduler} from '../wait/types.js';

export type {Scheduler} from '../wait/types.js';

/** The real clock and timers: the one real clock. */
export const realScheduler: Scheduler = realClock;

/** A throttle: `changed()` marks new data, `flush` runs at most once per `intervalMs`. */
export function createCoalescer(flush: () => void, intervalMs: number, scheduler: Scheduler = realScheduler) {
	let lastFlush = Number.NEGATIVE_INFINITY;
	let timer: unknown;
	const run = () => {
		timer = undefined;
		lastFlush = scheduler.now();
		flush();
	};
	return {
		/** Schedules a flush; several calls within one interval produce one flush. */
		changed() {
			if (timer !== undefined) return;
			const wait = Math.max(0, lastFlush + intervalMs - scheduler.now());
			timer = scheduler.setTimer(run, wait);
		},
		/** Flushes now (an urgent change), dropping any pending flush. */
		flushNow() {
			if (timer !== undefined) scheduler.clearTimer(timer);
			run();
		},
		/** Drops a pending flush. */
		cancel() {
			if (timer !== undefined) scheduler.clearTimer(timer);
			timer = undefined;
		},
	};
}

/** Reconnect delay for attempt n (0-based): the one backoff, 250 ms doubling, capped, with no jitter so tests are exact. */
export const reconnectDelay = (attempt: number, capMs = 5000, initialMs = 250): number => backoffDelay(Math.min(attempt, 30), 0.5, {startMs: initialMs, capMs, jitter: 0});

/** Resolves after `ms` on `scheduler`'s timers, or as soon as `signal` aborts (never rejects). */
export async function sleepUntil(scheduler: Scheduler, ms: number, signal: AbortSignal): Promise<void> {
	return new Promise<void>(resolve => {
		const wake = () => {
			scheduler.clearTimer(handle);
			signal.removeEventListener('abort', wake);
			resolve();
		};
		const handle = scheduler.setTimer(wake, ms);
		signal.addEventListener('abort', wake, {once: true});
	});
}
