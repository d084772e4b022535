/**
 * Docker log timestamps (`timestamps=true`): each line starts with an RFC 3339 time with up
 * to nanosecond digits (trailing zeros trimmed, Go's RFC3339Nano) and a space.
 */

const prefix = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;

/** Splits a `timestamps=true` line into its timestamp and text (timestamp '' when it has none). */
export function splitTimestamp(line: string): {timestamp: string; text: string} {
	const match = prefix.exec(line);
	return match ? {timestamp: match[1]!, text: line.slice(match[0].length)} : {timestamp: '', text: line};
}

/** A timestamp as nanoseconds since the epoch, comparable exactly; undefined when unreadable. */
export function timestampNanos(timestamp: string): bigint | undefined {
	const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(timestamp);
	if (!match) return undefined;
	const ms = Date.parse(`${match[1]}${match[3]}`);
	if (Number.isNaN(ms)) return undefined;
	return BigInt(ms) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** Docker's `since` argument (`seconds.nanoseconds`) for a nanosecond instant. */
export function sinceArgument(nanos: bigint): string {
	const seconds = nanos / 1_000_000_000n;
	const rest = nanos % 1_000_000_000n;
	return `${seconds}.${String(rest).padStart(9, '0')}`;
}
