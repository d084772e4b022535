/**
 * A faster way to the same frame Ink's `Output.get()` builds, for the common case. Ink turns
 * every frame into a grid of one object per cell (200x50: 10,000), tokenises every written
 * line into per-character objects and serialises the grid back: under a followed chatty
 * container that was ~40 % of the console's CPU, at any frame rate. In the console's layout
 * the texts written into a row never overlap (left column, divider, main area side by
 * side), so a row is the written texts in column order with spaces between them.
 *
 * `composeFrame` returns undefined whenever that does not hold (a horizontal clip, texts
 * that overlap, text past the right edge or left of it) and Ink's own `get()` runs instead,
 * so the fast path only ever produces what the grid would show. The bundle (scripts/bundle.mjs)
 * puts it in front of Ink's Output; runs from source use Ink's unchanged.
 */
import stringWidth from 'string-width';

/** What Ink's Output records for one frame (its `operations`). */
export type InkOperation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: ReadonlyArray<(line: string, index: number) => string>}
	| {readonly type: 'clip'; readonly clip: {readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number}}
	| {readonly type: 'unclip'};

type Segment = {readonly x: number; readonly end: number; readonly text: string};

// Widths of written lines, kept across frames (unchanged rows are measured once); bounded.
const widths = new Map<string, number>();
const widthOf = (line: string): number => {
	let width = widths.get(line);
	if (width === undefined) {
		if (widths.size > 4000) widths.clear();
		width = stringWidth(line);
		widths.set(line, width);
	}
	return width;
};

/** The frame (rows joined by newlines, trailing blanks trimmed) for `operations` on a `width`x`height` grid, or undefined when Ink must build it. */
export function composeFrame(operations: readonly InkOperation[], width: number, height: number): string | undefined {
	const rows: Segment[][] = Array.from({length: height}, () => []);
	const clips: Array<{y1?: number; y2?: number}> = [];
	for (const operation of operations) {
		if (operation.type === 'clip') {
			if (typeof operation.clip.x1 === 'number' || typeof operation.clip.x2 === 'number') return undefined;
			clips.push(operation.clip);
			continue;
		}
		if (operation.type === 'unclip') {
			clips.pop();
			continue;
		}
		const {x, text, transformers} = operation;
		let {y} = operation;
		let lines = text.split('\n');
		// Vertical clipping exactly as Ink does it.
		const clip = clips.at(-1);
		if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number') {
			if (y + lines.length < clip.y1 || y > clip.y2) continue;
			const from = y < clip.y1 ? clip.y1 - y : 0;
			const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
			lines = lines.slice(from, to);
			if (y < clip.y1) y = clip.y1;
		}
		for (const [index, raw] of lines.entries()) {
			const row = rows[y + index];
			if (!row) continue;
			let line = raw;
			for (const transform of transformers) line = transform(line, index);
			if (line === '') continue;
			const columns = widthOf(line);
			if (x < 0 || x + columns > width) return undefined;
			row.push({x, end: x + columns, text: line});
		}
	}
	const out: string[] = [];
	for (const row of rows) {
		row.sort((a, b) => a.x - b.x);
		let line = '';
		let cursor = 0;
		for (const segment of row) {
			if (segment.x < cursor) return undefined;
			line += ' '.repeat(segment.x - cursor) + segment.text;
			cursor = Math.max(cursor, segment.end);
		}
		out.push(line.trimEnd());
	}
	return out.join('\n');
}
