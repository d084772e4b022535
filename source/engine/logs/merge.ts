/**
 * Merging the lines of several containers into one time-ordered list (a service's
 * replicas, a whole project), pure. Docker's RFC 3339 timestamps trim trailing zeros of the
 * fraction, so they are compared on a key with the fraction padded to nine digits.
 */

/** A line that may carry Docker's timestamp. */
export type Timed = {readonly time?: string};

/** A string that sorts like the instant of a Docker UTC timestamp ('' when there is none). */
export function timeKey(time: string | undefined): string {
	if (!time) return '';
	const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(time);
	return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : time;
}

/**
 * The lines of several batches (each already in its container's order) in time order; a
 * line without a timestamp keeps the instant of the line before it in its batch. Stable:
 * lines of the same instant keep the order of the batches.
 */
export function mergeByTime<T extends Timed>(batches: readonly (readonly T[])[]): T[] {
	const nonEmpty = batches.filter(batch => batch.length > 0);
	if (nonEmpty.length <= 1) return nonEmpty[0] ? [...nonEmpty[0]] : [];
	const keyed: {key: string; batch: number; index: number; line: T}[] = [];
	for (const [batch, lines] of nonEmpty.entries()) {
		let key = '';
		for (const [index, line] of lines.entries()) {
			key = timeKey(line.time) || key;
			keyed.push({key, batch, index, line});
		}
	}
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.batch - b.batch || a.index - b.index));
	return keyed.map(entry => entry.line);
}
