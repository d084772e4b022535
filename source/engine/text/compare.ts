/**
 * Orders names for lists, without ICU: `localeCompare` loads ICU's collation tables on first
 * use (~3 MiB of resident memory in the console, measured with /proc/self/status) to order
 * container and service names, which are ASCII in practice. Case is ignored first, then
 * decides ties; with `numeric`, digit runs compare as numbers (`web-2` before `web-10`).
 */

// The punctuation Docker allows in names, in the order collation gives it: `_` `-` `.`, before digits and letters.
const punctuation: Readonly<Record<string, string>> = {'_': '\u0001', '-': '\u0002', '.': '\u0003'};
const key = (text: string) => text.toLowerCase().replace(/[_.-]/g, mark => punctuation[mark]!);
const digitRun = /\d+/y;
const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9';

/** Negative when `a` sorts before `b`, positive after, 0 when equal (pure). */
export function compareText(a: string, b: string, {numeric = false}: {readonly numeric?: boolean} = {}): number {
	const left = key(a);
	const right = key(b);
	let i = 0;
	let j = 0;
	while (i < left.length && j < right.length) {
		if (numeric && isDigit(left[i]) && isDigit(right[j])) {
			digitRun.lastIndex = i;
			const x = digitRun.exec(left)![0];
			digitRun.lastIndex = j;
			const y = digitRun.exec(right)![0];
			const difference = Number(x) - Number(y);
			if (difference !== 0) return difference;
			i += x.length;
			j += y.length;
			continue;
		}
		if (left[i] !== right[j]) return left[i]! < right[j]! ? -1 : 1;
		i++;
		j++;
	}
	if (left.length - i !== right.length - j) return left.length - i - (right.length - j);
	// Equal but for case: lower case first, as collation orders it.
	return a < b ? 1 : a > b ? -1 : 0;
}
