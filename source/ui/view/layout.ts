/**
 * Screen geometry as pure functions: how wide the columns are, how many rows each left
 * panel gets, and which slice of a long list is visible. The frame is always shorter than
 * the terminal (Ink clears the whole screen on every frame that is as tall as it).
 */
import {panelIds, type PanelId} from './rows.js';

/** Lines used below the panes: events, action/status, key hints. */
export const bottomLines = 3;

/** The frame's size for a terminal: one line shorter, never below a usable minimum. */
export function frameSize(columns: number | undefined, rows: number | undefined): {width: number; height: number} {
	return {width: Math.max(40, columns || 80), height: Math.max(10, (rows || 24) - 1)};
}

/** Width of the left column for a frame width; the main area takes the rest minus a divider. */
export function leftWidth(width: number): number {
	return width < 100 ? Math.min(36, Math.floor(width * 0.45)) : Math.max(36, Math.min(56, Math.floor(width * 0.3)));
}

/** Content rows of the Engine panel. */
export const engineRows = 2;

/** The list panels (every panel but Engine). */
export type ListPanelId = Exclude<PanelId, 'engine'>;

/** The lines one list panel gets below its title. */
export type PanelSpace = {
	/** Rows of the list shown. */
	readonly rows: number;
	/** A column header line above them (Services and Containers). */
	readonly header: boolean;
	/** Rows not shown. */
	readonly hidden: number;
	/** A `+N more` line says how many are hidden (else, with no line at all, the title does). */
	readonly more: boolean;
};

/** Space for every panel: Engine's fact lines and each list's rows, header and hidden count. */
export type PanelHeights = {readonly engine: number} & Readonly<Record<ListPanelId, PanelSpace>>;

const listPanels: readonly ListPanelId[] = ['services', 'containers', 'images', 'volumes', 'networks'];
const hasHeader = (panel: ListPanelId) => panel === 'services' || panel === 'containers';

/** What `lines` lines below a title show of `count` rows. */
export function panelSpace(panel: ListPanelId, count: number, lines: number): PanelSpace {
	const header = hasHeader(panel) && count > 0 && lines >= 2;
	const usable = Math.max(0, lines - (header ? 1 : 0));
	if (count <= usable) return {rows: count, header, hidden: 0, more: false};
	if (lines === 0) return {rows: 0, header: false, hidden: count, more: false};
	// One line says how many rows are hidden; a header is only worth it above a row.
	if (usable < 2) return {rows: 0, header: false, hidden: count, more: true};
	return {rows: usable - 1, header, hidden: count - (usable - 1), more: true};
}

/** Lines a panel needs to show all `count` rows (header included). */
const need = (panel: ListPanelId, count: number) => (count > 0 ? count + (hasHeader(panel) ? 1 : 0) : 0);

/**
 * Lines for each panel in `height` (titles included: one per panel). Services and
 * Containers, the panels that matter for triage, get their rows first (a few each, the
 * focused one before the other), then the focused panel all it needs, then the rest in
 * order; Images, Volumes and Networks shrink to their title line when space is short.
 */
export function allocatePanels(height: number, counts: Readonly<Record<PanelId, number>>, focused: PanelId): PanelHeights {
	let remaining = Math.max(0, height - panelIds.length);
	// One engine: its two fact lines; several: a row each (fleet-rows.ts), at most a third of the column.
	const engine = counts.engine > 0 ? Math.min(counts.engine, Math.max(engineRows, Math.floor(remaining / 3)), remaining) : Math.min(engineRows, remaining);
	remaining -= engine;
	const lines: Record<ListPanelId, number> = {services: 0, containers: 0, images: 0, volumes: 0, networks: 0};
	const give = (panel: ListPanelId, wanted: number) => {
		const extra = Math.max(0, Math.min(wanted - lines[panel], remaining));
		lines[panel] += extra;
		remaining -= extra;
	};
	const triage: ListPanelId[] = focused === 'containers' ? ['containers', 'services'] : ['services', 'containers'];
	// A share each first, so a long focused list never pushes the other one off the screen.
	for (const panel of triage) give(panel, Math.min(need(panel, counts[panel]), 1 + Math.max(3, Math.floor(remaining / 4))));
	if (focused !== 'engine') give(focused, need(focused, counts[focused]));
	for (const panel of [...triage, ...listPanels]) give(panel, need(panel, counts[panel]));
	const spaces = Object.fromEntries(listPanels.map(panel => [panel, panelSpace(panel, counts[panel], lines[panel])])) as Record<ListPanelId, PanelSpace>;
	return {engine, ...spaces};
}

/** Lines a panel's list uses below its title (header, rows, the `+N more` line). */
export const spaceLines = (space: PanelSpace): number => (space.header ? 1 : 0) + space.rows + (space.more ? 1 : 0);

/** First visible index so that `cursor` is in view, kept near the middle of a long list. */
export function windowStart(count: number, cursor: number, height: number): number {
	if (height <= 0 || count <= height) return 0;
	return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}
