/**
 * The left column's rows when several engines are watched (pure): the Engines panel has one
 * row per engine; Services, Containers, Images, Volumes and Networks either show every
 * engine, each under an engine heading (`grouped`), or only the engine selected in the
 * Engines panel (`filtered`). Within an engine the rows are exactly `panelRows`' (same order,
 * same cells); their keys and targets carry the engine, so the cursor, stats and every action
 * stay with the right one. With one engine this is `panelRows` itself.
 */
import {sanitizeName} from '../../engine/text/sanitize.js';
import type {ThemeToken} from '../theme/theme.js';
import {problemRank} from './problems.js';
import {panelRows, type PanelId, type PanelRow, type RowOptions, type RowTarget} from './rows.js';
import type {ConsoleView, FleetEngineView} from './types.js';

/** How the lists show several engines. */
export type FleetLayout = 'grouped' | 'filtered';

/** Options of `fleetPanelRows`: the row options plus the layout and the engine the filtered layout shows. */
export type FleetRowOptions = RowOptions & {readonly layout?: FleetLayout; readonly engine?: string};

/** True when the view watches more than one engine. */
export const isFleet = (view: ConsoleView): boolean => (view.engines?.length ?? 0) > 1;

/** The part of a merged view that belongs to engine `name` (its rows only). */
export function engineSlice(view: ConsoleView, name: string): ConsoleView {
	const own = <T extends {readonly engine?: string}>(items: readonly T[]) => items.filter(item => item.engine === name);
	return {...view, services: own(view.services), containers: own(view.containers), images: own(view.images), volumes: own(view.volumes), networks: own(view.networks)};
}

const stateGlyphs: Readonly<Record<FleetEngineView['state'], {glyph: string; tone: ThemeToken; text: string}>> = {
	connected: {glyph: '●', tone: 'status.ok', text: 'connected'},
	connecting: {glyph: '◌', tone: 'status.warning', text: 'connecting…'},
	silent: {glyph: '◌', tone: 'status.warning', text: 'not answering'},
	reconnecting: {glyph: '◌', tone: 'status.warning', text: 'reconnecting…'},
	unreachable: {glyph: '✗', tone: 'status.error', text: 'unreachable'},
};

/** One engine's row in the Engines panel: name, state, counts, version and mode in its label. */
export function engineRow(engine: FleetEngineView): PanelRow {
	const look = stateGlyphs[engine.state];
	// Most telling first: the column cuts the end at 80x24 (the main area has every fact).
	const counts = `${engine.containers}c${engine.unhealthy > 0 ? ` ${engine.unhealthy}✗` : ''}`;
	const label = [sanitizeName(engine.name, 40), look.text, counts, `v${sanitizeName(engine.version ?? '?', 20)}`, sanitizeName(engine.mode ?? '?', 12)].join(' ');
	return {key: `engine:${engine.name}`, label, columns: [], glyph: look.glyph, tone: look.tone, target: {kind: 'resource', id: engine.name, name: engine.name}};
}

/** The heading a grouped list shows above an engine's rows. */
export const engineHeading = (panel: PanelId, name: string): PanelRow => ({key: `${panel}-engine:${name}`, label: `@${sanitizeName(name, 60)}`, columns: [], glyph: '◆', tone: 'text.title', heading: true});

const withEngine = (target: RowTarget | undefined, engine: string): RowTarget | undefined => (target ? {...target, engine} : undefined);

/** What every panel of one view reads: each engine's slice (made on first use) and the rank of its most urgent container. */
type FleetParts = {readonly slices: Map<string, ConsoleView>; readonly ranks: ReadonlyMap<string, number>};

// The panels of a view are listed one after another from the same view: its engines are
// sliced and ranked once per view (each snapshot), not once per panel.
const partsByView = new WeakMap<ConsoleView, FleetParts>();

function fleetParts(view: ConsoleView, engines: readonly FleetEngineView[]): FleetParts {
	const cached = partsByView.get(view);
	if (cached) return cached;
	const ranks = new Map(engines.map(engine => [engine.name, 4]));
	for (const container of view.containers) {
		if (container.engine !== undefined) ranks.set(container.engine, Math.min(ranks.get(container.engine) ?? 4, problemRank(container)));
	}
	const parts = {slices: new Map<string, ConsoleView>(), ranks};
	partsByView.set(view, parts);
	return parts;
}

function sliceOf(parts: FleetParts, view: ConsoleView, name: string): ConsoleView {
	const slice = parts.slices.get(name) ?? engineSlice(view, name);
	parts.slices.set(name, slice);
	return slice;
}

/**
 * Engines in the order their groups are listed: problems first (the engine with the most
 * urgent container first, ties in the order given), or as given for the other orders.
 */
function byProblems(parts: FleetParts, engines: readonly FleetEngineView[], options: FleetRowOptions): readonly FleetEngineView[] {
	if ((options.sort ?? 'problems') !== 'problems') return engines;
	return [...engines].sort((x, y) => parts.ranks.get(x.name)! - parts.ranks.get(y.name)!);
}

/** The rows of one panel over every engine (see the file comment); `panelRows` with one engine. */
export function fleetPanelRows(view: ConsoleView, panel: PanelId, filter = '', options: FleetRowOptions = {}): PanelRow[] {
	const engines = view.engines ?? [];
	if (engines.length < 2) return panelRows(view, panel, filter, options);
	if (panel === 'engine') return engines.map(engineRow);
	const parts = fleetParts(view, engines);
	const shown = options.layout === 'filtered' ? engines.filter(engine => engine.name === (options.engine ?? engines[0]!.name)) : byProblems(parts, engines, options);
	return shown.flatMap(engine => {
		const rows = panelRows(sliceOf(parts, view, engine.name), panel, filter, options).map(row => ({...row, key: `${engine.name}|${row.key}`, target: withEngine(row.target, engine.name)}));
		return options.layout === 'filtered' || rows.length === 0 ? rows : [engineHeading(panel, engine.name), ...rows];
	});
}
