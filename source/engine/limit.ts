/**
 * Limited concurrency for engine calls: a semaphore for tasks that arrive over time, and a
 * bounded map over a known list. The live model's reads and the compose actions share these.
 */

/** At most `limit` of the returned function's tasks run at once (at least one). */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let active = 0;
	const waiting: Array<() => void> = [];
	return async task => {
		if (active >= Math.max(1, limit)) await new Promise<void>(resolve => waiting.push(resolve));
		active++;
		try {
			return await task();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}

/** Runs `work` over `items` with at most `limit` (at least one) in flight. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({length: Math.min(Math.max(1, limit), items.length)}, worker));
}
