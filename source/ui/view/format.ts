/**
 * Pure cell formatting (lazydocker's presentation layer): numbers to short text, text
 * fitted to a width. Tested by equality.
 */
import stringWidth from 'string-width';
import {cutToWidth, graphemes, padEndToWidth} from '../../engine/text/width.js';

// Sizes, CPU and ages come from the one formatter the CLI uses too (units match everywhere).
export {describeCpu, formatAge, formatBytes, formatCpu, formatPercent} from '../../engine/text/format.js';

/** Cuts `text` to `width` terminal columns (ending in `…` when cut) and pads it to exactly `width`. */
export function fit(text: string, width: number): string {
	return width <= 0 ? '' : padEndToWidth(cutToWidth(text, width), width);
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
