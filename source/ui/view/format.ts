/**
 * Pure cell formatting (lazydocker's presentation layer): numbers to short text, text
 * fitted to a width. Tested by equality.
 */
import stringWidth from 'string-width';
import {graphemes} from '../../engine/text/width.js';

/** `12.3%`, `0.0%`, or `-` when unknown. */
export function formatPercent(value: number | undefined): string {
	if (value === undefined || !Number.isFinite(value)) return '-';
	return `${value >= 100 ? Math.round(value) : value.toFixed(1)}%`;
}

const units = ['B', 'K', 'M', 'G', 'T'];

/** `512B`, `45M`, `1.2G`, or `-` when unknown (binary units, one letter). */
export function formatBytes(value: number | undefined): string {
	if (value === undefined || !Number.isFinite(value) || value < 0) return '-';
	let amount = value;
	let unit = 0;
	while (amount >= 1024 && unit < units.length - 1) {
		amount /= 1024;
		unit++;
	}
	return `${amount < 10 && unit > 0 ? amount.toFixed(1) : Math.round(amount)}${units[unit]}`;
}

/** Cuts `text` to `width` terminal columns (ending in `…` when cut) and pads it to exactly `width`. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	const length = stringWidth(text);
	if (length <= width) return text + ' '.repeat(width - length);
	let result = '';
	let used = 0;
	// By grapheme, so a combining mark is never split from its letter and widths add up.
	for (const character of graphemes(text)) {
		const characterWidth = stringWidth(character);
		if (used + characterWidth > width - 1) break;
		result += character;
		used += characterWidth;
	}
	return result + '…' + ' '.repeat(Math.max(0, width - 1 - used));
}

/** Right-aligns `text` in `width` columns (cut from the left edge if too long). */
export function alignRight(text: string, width: number): string {
	const length = stringWidth(text);
	return length >= width ? fit(text, width) : ' '.repeat(width - length) + text;
}

const bars = '▁▂▃▄▅▆▇█';

/** A sparkline of the last `width` values scaled to `max` (or their maximum). */
export function sparkline(values: readonly number[], width: number, max?: number): string {
	const recent = values.slice(-width);
	const top = max ?? Math.max(0, ...recent);
	const line = recent.map(value => (top <= 0 ? bars[0] : bars[Math.min(7, Math.max(0, Math.round((value / top) * 7)))])).join('');
	return line.padStart(Math.max(0, width), ' ');
}

/** Wraps one line into chunks of at most `width` columns (at least one chunk). */
export function wrapLine(text: string, width: number): string[] {
	if (width <= 0) return [''];
	const chunks: string[] = [];
	let chunk = '';
	let used = 0;
	for (const character of graphemes(text)) {
		const characterWidth = stringWidth(character);
		if (used + characterWidth > width) {
			chunks.push(chunk);
			chunk = '';
			used = 0;
		}
		chunk += character;
		used += characterWidth;
	}
	chunks.push(chunk);
	return chunks;
}
