/** A fake clock for the engine's Scheduler port: its timers fire only when the test advances time. */
import type {Scheduler} from '../../source/engine/model/notify.js';

/** A scheduler starting at `start` ms, `advance(ms)` to fire what falls due, `pending()` timers left. */
export function fakeScheduler(start = 0) {
	let now = start;
	let timers: Array<{at: number; callback: () => void; id: number}> = [];
	let nextId = 0;
	const scheduler: Scheduler = {
		now: () => now,
		setTimer(callback, ms) {
			const id = nextId++;
			timers.push({at: now + ms, callback, id});
			return id;
		},
		clearTimer(handle) {
			timers = timers.filter(timer => timer.id !== handle);
		},
	};
	const advance = (ms: number) => {
		const until = now + ms;
		for (;;) {
			const due = timers.filter(timer => timer.at <= until).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			timers = timers.filter(timer => timer !== due);
			now = due.at;
			due.callback();
		}
		now = until;
	};
	return {scheduler, advance, pending: () => timers.length};
}
