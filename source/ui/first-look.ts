/**
 * The first look: the console's left column drawn from the early container listing before
 * Ink, React and the rest of the console have loaded (pure). The same row, column, panel
 * and title functions (Engine facts too) as the console's left column, so the rows an operator sees first are
 * the rows the console then shows, in the same problems-first order and the same places.
 */
import type {ListedContainerJson} from '../engine/ports/index.js';
import {seededModel} from '../engine/live/model-source.js';
import {containersFromModel} from './data/containers-view.js';
import {fit} from './view/format.js';
import {allocatePanels, bottomLines, frameSize, leftWidth} from './view/layout.js';
import {columnLayout, formatHeader, formatRow, panelIds, panelRows, type PanelId, type PanelRow} from './view/rows.js';
import {allHidden, engineFacts, panelTitle, titleLine} from './view/titles.js';
import {createSessionStore, sessionFile, type ConsoleSession} from './state/session.js';
import type {SortId} from './view/problems.js';
import type {ConsoleView} from './view/types.js';

/** What the first look is drawn from. */
export type FirstLookInput = {
	readonly host: string;
	readonly containers: readonly ListedContainerJson[];
	readonly columns: number | undefined;
	readonly rows: number | undefined;
	readonly readOnly: boolean;
	readonly now: number;
	/** The panel and order the console will restore (its session file). */
	readonly session: ConsoleSession;
};

/** The panel and order the last session left (what the console restores), read from its file. */
export const rememberedSession = (env: NodeJS.ProcessEnv): ConsoleSession => createSessionStore({file: sessionFile(env)}).load();

/** The lines of the left column as the console's first frame will draw them (no selection, no colour). */
export function firstLookLines(input: FirstLookInput): string[] {
	const {containers, services} = containersFromModel(seededModel({sentAtMs: input.now, containers: input.containers}), () => [], input.now);
	const view: ConsoleView = {
		engine: {description: input.host},
		connection: {state: 'connecting'},
		services, containers, images: [], volumes: [], networks: [], events: [],
	};
	const sort: SortId = input.session.sort ?? 'problems';
	const rows = Object.fromEntries(panelIds.map(id => [id, panelRows(view, id, '', {sort, now: input.now})])) as Record<PanelId, PanelRow[]>;
	// Focus as the console starts it: the remembered panel, or the first panel with rows.
	const remembered = input.session.panel;
	const focused = remembered && rows[remembered].length > 0 ? remembered : (panelIds.find(id => rows[id].length > 0) ?? remembered ?? 'engine');
	const {width: frameWidth, height} = frameSize(input.columns, input.rows);
	const width = leftWidth(frameWidth);
	const heights = allocatePanels(height - bottomLines, Object.fromEntries(panelIds.map(id => [id, rows[id].length])) as Record<PanelId, number>, focused);
	const lines: string[] = [];
	for (const id of panelIds) {
		const all = rows[id];
		const selectable = all.filter(row => !row.heading).length;
		const space = id === 'engine' ? undefined : heights[id];
		lines.push(titleLine(panelTitle(id, selectable, {hiddenAll: allHidden(space, selectable), sort, filter: '', readOnly: input.readOnly}), id === focused ? '━' : '─', width));
		if (!space) {
			lines.push(...engineFacts(view).slice(0, heights.engine).map(text => fit(` ${text}`, width)));
			continue;
		}
		const layout = columnLayout(id, width);
		if (space.header) lines.push(formatHeader(layout, width));
		lines.push(...all.slice(0, space.rows).map(row => formatRow(row, width, false, layout)));
		if (space.more) lines.push(fit(`  +${space.hidden} more`, width));
	}
	return lines;
}
