/**
 * The rows the Logs tab draws for the lines on screen, pure: marker (`│` stdout, `!`
 * stderr), the container's label when several are merged, an optional timestamp, the
 * sanitised text wrapped or cut to the width, and the search matches cut out as segments.
 * Only the visible lines pass through here, never the whole buffer.
 */
import {sanitizeLogLine, sanitizeName} from '../../engine/text/sanitize.js';
import type {ThemeToken} from '../theme/theme.js';
import {fit, wrapLine} from '../view/format.js';
import type {LogLine} from '../view/types.js';
import {highlightSegments, type Segment} from './log-pager.js';

/** Tones that tell merged containers apart, in order of their index. */
export const sourceTones: readonly ThemeToken[] = ['status.info', 'accent', 'status.ok', 'text.title', 'chart.cpu', 'status.warning', 'chart.memory'];

/** One drawn piece of a row. */
export type RowPiece = {readonly text: string; readonly tone: ThemeToken; readonly match?: 'match' | 'current'};

/**
 * One drawn row: the marker column (absent on a wrapped line's later rows) and the rest;
 * `signature` is equal for rows that draw the same. The marker is apart because it is the
 * one non-ASCII character of most rows: drawn in its own column, the rest stays ASCII and
 * Ink measures it on its fast path.
 */
export type LogRow = {readonly marker?: RowPiece; readonly pieces: readonly RowPiece[]; readonly signature: string};

/** Columns of the marker (`│ ` or `! `). */
export const markerWidth = 2;

/** How to draw. */
export type LogRowOptions = {
	readonly width: number;
	readonly height: number;
	readonly wrap: boolean;
	readonly timestamps: boolean;
	readonly search: string;
	/** Labels of merged containers (none or one: no label is shown). */
	readonly labels: readonly string[];
	/** The seq of the line holding the current match. */
	readonly currentSeq?: number;
};

/** A line to draw with its sequence number and container index. */
export type NumberedLine = {readonly seq: number; readonly line: LogLine; readonly source: number};

/** The rows for `lines` (oldest first), bottom-anchored: at most `height`, the newest kept. */
export function logRows(lines: readonly NumberedLine[], options: LogRowOptions): LogRow[] {
	const rows: LogRow[] = [];
	const labelWidth = options.labels.length > 1 ? Math.min(24, Math.max(...options.labels.map(label => label.length))) : 0;
	const bodyWidth = Math.max(0, options.width - markerWidth);
	for (let index = lines.length - 1; index >= 0 && rows.length < options.height; index--) {
		const {seq, line, source} = lines[index]!;
		const tone: ThemeToken = line.stream === 'stderr' ? 'status.warning' : 'text.primary';
		const marker: RowPiece = {text: line.stream === 'stderr' ? '! ' : '│ ', tone};
		const label = labelWidth > 0 ? `${sanitizeName(options.labels[source] ?? '', labelWidth).padEnd(labelWidth)} ` : '';
		const time = options.timestamps && line.time ? `${sanitizeName(line.time, 40).replace(/\.\d+Z$/, 'Z')} ` : '';
		const body = `${label}${time}${sanitizeLogLine(line.text)}`;
		// Not padded to the width: Ink starts every frame blank, and each character drawn costs it work.
		const chunks = options.wrap ? wrapLine(body, bodyWidth).map(chunk => cut(chunk, bodyWidth)) : [cut(body, bodyWidth)];
		const head = label.length + time.length;
		const current = seq === options.currentSeq;
		const drawn = chunks.map((chunk, part): LogRow => {
			// The prefix (label, time) is only on a line's first row and is never highlighted.
			const prefix = part === 0 ? Math.min(head, chunk.length) : 0;
			const pieces: RowPiece[] = [];
			if (prefix > 0) {
				if (label) pieces.push({text: chunk.slice(0, Math.min(label.length, prefix)), tone: sourceTones[source % sourceTones.length]!});
				if (time && prefix > label.length) pieces.push({text: chunk.slice(label.length, prefix), tone: 'text.muted'});
			}
			for (const segment of highlightSegments(chunk.slice(prefix), options.search, current)) pieces.push(piece(segment, tone));
			const shown = part === 0 ? marker : undefined;
			return {marker: shown, pieces, signature: `${seq}:${part}:${shown?.text ?? ''}${pieces.map(entry => `${entry.match ?? ''}${entry.tone}\u0000${entry.text}`).join('\u0001')}`};
		});
		for (let part = drawn.length - 1; part >= 0 && rows.length < options.height; part--) rows.push(drawn[part]!);
	}
	return rows.reverse();
}

/** `text` fitted to `width` without the padding. */
const cut = (text: string, width: number) => (text.length <= width && !/[^\x20-\x7e]/.test(text) ? text : fit(text, width).trimEnd());

const piece = (segment: Segment, tone: ThemeToken): RowPiece =>
	segment.kind === 'plain' ? {text: segment.text, tone} : {text: segment.text, tone: segment.kind === 'current' ? 'status.warning' : 'accent', match: segment.kind};
