/**
 * Screen geometry as pure functions: how wide the columns are, how many rows each left
 * panel gets, and which slice of a long list is visible. The frame is always shorter than
 * the terminal (Ink clears the whole screen on every frame that is as tall as it).
 */
import type {PanelId} from './rows.js';

/** Lines used below the panes: events, action/status, key hints. */
export const bottomLines = 3;

/** The frame's size for a terminal: one line shorter, never below a usable minimum. */
export function frameSize(columns: number | undefined, rows: number | undefined): {width: number; height: number} {
	return {width: Math.max(40, columns || 80), height: Math.max(10, (rows || 24) - 1)};
}

/** Width of the left column for a frame width; the main area takes the rest minus a divider. */
export function leftWidth(width: number): number {
	return width < 100 ? Math.min(32, Math.floor(width * 0.42)) : Math.max(34, Math.min(56, Math.floor(width * 0.3)));
}

/** Content rows of the Engine panel. */
export const engineRows = 2;

/**
 * Content rows for each panel (titles excluded) in `height` lines: the focused list gets
 * what it needs first after a small share for every other list, then the rest is handed
 * out in panel order.
 */
export function allocateHeights(height: number, counts: Readonly<Record<PanelId, number>>, focused: PanelId): Record<PanelId, number> {
	const lists: PanelId[] = ['services', 'containers', 'images', 'volumes', 'networks'];
	const result: Record<PanelId, number> = {engine: 0, services: 0, containers: 0, images: 0, volumes: 0, networks: 0};
	let remaining = Math.max(0, height - 6);
	result.engine = Math.min(engineRows, remaining);
	remaining -= result.engine;
	const share = Math.max(0, Math.floor(remaining / 10));
	for (const panel of lists) {
		if (panel === focused) continue;
		const rows = Math.min(counts[panel], panel === 'services' ? share * 2 : share, remaining);
		result[panel] = rows;
		remaining -= rows;
	}
	if (focused !== 'engine') {
		const rows = Math.min(counts[focused], remaining);
		result[focused] = rows;
		remaining -= rows;
	}
	for (const panel of lists) {
		const extra = Math.min(counts[panel] - result[panel], remaining);
		result[panel] += extra;
		remaining -= extra;
	}
	return result;
}

/** First visible index so that `cursor` is in view, kept near the middle of a long list. */
export function windowStart(count: number, cursor: number, height: number): number {
	if (height <= 0 || count <= height) return 0;
	return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}
