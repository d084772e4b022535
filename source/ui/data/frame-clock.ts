/**
 * The console's one clock for redraws that data causes (the model's changes, stats, log
 * lines): every publisher asks for the next frame, and all that asked are published in one
 * callback, so React batches them into one render and Ink draws one frame for all of them.
 * Without it the view and the Logs tab each ran their own timer and Ink drew each one, so
 * a followed chatty container doubled the frames. The first request after a quiet spell
 * runs at once; later ones wait for the end of the interval. Keys never go through here:
 * they change the UI state and render at once.
 */
import {createCoalescer, realScheduler, type Scheduler} from '../../engine/model/notify.js';

/** Publishers batched into frames. */
export type FrameClock = {
	/** Runs `publish` with the next frame; asked twice before that frame, it runs once. */
	request(publish: () => void): void;
	/** Runs `publish` and everything pending now (an urgent change: a container died). */
	flushNow(publish?: () => void): void;
	/** Forgets `publish` if it is pending (its publisher went away). */
	withdraw(publish: () => void): void;
};

/** A frame clock publishing at most once per `intervalMs` (0: each request in its own next tick). */
export function createFrameClock(intervalMs: number, scheduler: Scheduler = realScheduler): FrameClock {
	const pending = new Set<() => void>();
	const coalescer = createCoalescer(
		() => {
			const due = [...pending];
			pending.clear();
			for (const publish of due) publish();
		},
		intervalMs,
		scheduler,
	);
	return {
		request(publish) {
			pending.add(publish);
			coalescer.changed();
		},
		flushNow(publish) {
			if (publish) pending.add(publish);
			coalescer.flushNow();
		},
		withdraw(publish) {
			pending.delete(publish);
			if (pending.size === 0) coalescer.cancel();
		},
	};
}

/** Data frames at ~2 Hz: a burst of events or log lines becomes one frame. */
export const dataFrameMs = 500;
