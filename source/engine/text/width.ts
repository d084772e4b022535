/**
 * Terminal width of text, measured by grapheme: a base letter with combining marks is one
 * column, a CJK character or an emoji two, invisible format characters none. Tables pad by
 * this, never by `String.length`, so columns stay aligned whatever names containers have.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** The grapheme clusters of `text` (what a reader sees as one character each). */
export function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), segment => segment.segment);
}

/** `text` padded with spaces on the right to `width` columns. */
export function padEndToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` padded with spaces on the left to `width` columns. */
export function padStartToWidth(text: string, width: number): string {
	return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** `text` cut to at most `width` columns on a grapheme boundary, ending in `…` when cut. */
export function cutToWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let result = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const columns = displayWidth(grapheme);
		if (used + columns > width - 1) break;
		result += grapheme;
		used += columns;
	}
	return `${result}…`;
}
