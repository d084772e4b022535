/**
 * Coalesced notification: many changes, at most one callback per interval (the first change
 * after a quiet period is delivered at once, later ones at the end of the interval). The
 * clock and timer are injected so tests run without waiting.
 */

/** Clock and timer, real by default. */
export type Scheduler = {
	readonly now: () => number;
	readonly setTimer: (callback: () => void, ms: number) => unknown;
	readonly clearTimer: (handle: unknown) => void;
};

/** The real clock and timers. */
export const realScheduler: Scheduler = {
	now: () => Date.now(),
	setTimer: (callback, ms) => setTimeout(callback, ms),
	clearTimer: handle => clearTimeout(handle as NodeJS.Timeout),
};

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
		/** Drops a pending flush. */
		cancel() {
			if (timer !== undefined) scheduler.clearTimer(timer);
			timer = undefined;
		},
	};
}

/** Reconnect delay for attempt n (0-based): 250 ms doubling, capped, with no jitter so tests are exact. */
export const reconnectDelay = (attempt: number, capMs = 5000, initialMs = 250): number => Math.min(capMs, initialMs * 2 ** Math.min(attempt, 30));
