/**
 * Line splitting for byte streams: a line may arrive in pieces across chunks, and a
 * multi-byte character may be cut in two, so lines are cut on the `\n` byte and only then decoded.
 */

/** Cuts `pending + chunk` into complete lines (without `\n`); `rest` is the unfinished tail. */
export function splitLines(pending: Buffer, chunk: Buffer): {lines: string[]; rest: Buffer} {
	const buffer = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
	const lines: string[] = [];
	let start = 0;
	for (let newline = buffer.indexOf(0x0a, start); newline !== -1; newline = buffer.indexOf(0x0a, start)) {
		lines.push(buffer.toString('utf8', start, newline));
		start = newline + 1;
	}
	return {lines, rest: Buffer.from(buffer.subarray(start))};
}
