/**
 * The Logs tab as a pager, pure: which buffered lines are on screen, which lines match the
 * search, where the current match is, and what the `k/N` counter says. Lines are named by
 * their sequence number in the ring buffer (seq), which never changes while a line is
 * held, so a paused view stays put while new lines arrive and old ones drop out.
 *
 * Positions work in "list" space: every held line, or with the filter only matching ones.
 * `scroll` counts lines from a base towards older lines (negative: newer): the newest line
 * while following, the line where the view paused, or the current match (centred) while
 * a search is active. Out-of-range scrolls are clamped here, never by showing blank rows.
 */

/** What the pager needs of the lines held: sequence numbers `firstSeq` … `endSeq - 1`. */
export type HeldLines = {readonly firstSeq: number; readonly endSeq: number};

/** The pager settings that come from keys (the console state). */
export type PagerIntent = {
	readonly follow: boolean;
	readonly search: string;
	/** Show only matching lines. */
	readonly filter: boolean;
	/** The current match, counted from the newest (0 = newest); wraps around. */
	readonly match: number;
	/** Lines towards older from the base (negative: towards newer). */
	readonly scroll: number;
};

/** What is on screen. */
export type PagerView = {
	/** Sequence numbers of the lines to draw, oldest first; never more than the height. */
	readonly rows: readonly number[];
	/** The match the view is on, with its number counted from the newest and the count. */
	readonly current?: {readonly seq: number; readonly index: number; readonly count: number};
	/** The scroll actually applied (differs from the intent's when that went past an end). */
	readonly scroll: number;
	/** True when the newest line held is on screen. */
	readonly atEnd: boolean;
	/** How many lines match (up to where the view paused). */
	readonly count: number;
};

/** Index of the first element of ascending `values` that is >= `value`. */
export function lowerBound(values: readonly number[], value: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (values[middle]! < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * The view for `intent` over `held` lines, `matches` (ascending seqs of matching lines) and a
 * `height` in lines; `pausedAt` is the seq of the newest line when following stopped.
 */
export function pagerView(intent: PagerIntent, held: HeldLines, matches: readonly number[], height: number, pausedAt?: number): PagerView {
	const filtering = intent.filter && intent.search !== '';
	const length = filtering ? matches.length : held.endSeq - held.firstSeq;
	const last = held.endSeq - 1;
	// In the filtered list a line that is not a match stands for the last match before it.
	const indexOf = (seq: number) => (filtering ? Math.max(0, lowerBound(matches, seq + 1) - 1) : seq - held.firstSeq);
	const seqAt = (index: number) => (filtering ? matches[index]! : held.firstSeq + index);
	if (length <= 0 || height <= 0) return {rows: [], scroll: 0, atEnd: true, count: 0};

	// Matches are numbered among the lines up to where the view paused, so the numbers
	// stay put while new lines arrive (old ones dropping out only lower the count).
	const limit = intent.follow || pausedAt === undefined ? last : Math.min(pausedAt, last);
	const counted = intent.search === '' ? 0 : lowerBound(matches, limit + 1);
	let current: PagerView['current'];
	let base: number;
	if (intent.follow) base = length - 1;
	else {
		if (counted > 0) {
			const index = ((intent.match % counted) + counted) % counted;
			const seq = matches[counted - 1 - index]!;
			current = {seq, index, count: counted};
			base = indexOf(seq) + Math.floor((height - 1) / 2);
		} else base = indexOf(Math.max(held.firstSeq, limit));
	}
	const lowest = Math.min(height, length) - 1;
	const bottom = Math.max(lowest, Math.min(length - 1, base - intent.scroll));
	const rows: number[] = [];
	for (let index = Math.max(0, bottom - height + 1); index <= bottom; index++) rows.push(seqAt(index));
	return {rows, current, scroll: base - bottom, atEnd: bottom === length - 1, count: counted};
}

/**
 * Matching lines of a ring buffer, found lazily: only lines not yet scanned are tested
 * when the buffer grows, and matches that dropped out of the buffer are forgotten. A new
 * needle rescans what is held. Case-insensitive.
 */
export class MatchIndex {
	private needle = '';
	private scannedTo = 0;
	private found: number[] = [];

	/** Ascending seqs of the lines in `held` whose text contains `needle`; `textOf(seq)` reads a line. */
	update(needle: string, held: HeldLines, textOf: (seq: number) => string | undefined): readonly number[] {
		const wanted = needle.toLowerCase();
		if (wanted !== this.needle || held.endSeq < this.scannedTo) {
			this.needle = wanted;
			this.found = [];
			this.scannedTo = held.firstSeq;
		}
		if (wanted === '') {
			this.scannedTo = held.endSeq;
			return this.found;
		}
		const dropped = lowerBound(this.found, held.firstSeq);
		if (dropped > 0) this.found = this.found.slice(dropped);
		for (let seq = Math.max(this.scannedTo, held.firstSeq); seq < held.endSeq; seq++) {
			if (textOf(seq)?.toLowerCase().includes(wanted)) this.found.push(seq);
		}
		this.scannedTo = held.endSeq;
		return this.found;
	}
}

/** A piece of a line: plain, a match, or the current match. */
export type Segment = {readonly text: string; readonly kind: 'plain' | 'match' | 'current'};

/** Cuts `text` around every case-insensitive occurrence of `needle` (current: the line holds the current match). */
export function highlightSegments(text: string, needle: string, current = false): Segment[] {
	const lower = text.toLowerCase();
	// Lower-casing that changes lengths (rare scripts) would misplace the cuts: no highlight then.
	if (needle === '' || lower.length !== text.length) return [{text, kind: 'plain'}];
	const wanted = needle.toLowerCase();
	const segments: Segment[] = [];
	let from = 0;
	for (let at = lower.indexOf(wanted); at !== -1; at = lower.indexOf(wanted, at + wanted.length)) {
		if (at > from) segments.push({text: text.slice(from, at), kind: 'plain'});
		segments.push({text: text.slice(at, at + wanted.length), kind: current ? 'current' : 'match'});
		from = at + wanted.length;
	}
	if (from < text.length || segments.length === 0) segments.push({text: text.slice(from), kind: 'plain'});
	return segments;
}
