/**
 * The left column's text that needs no React (pure): panel title rules, title text and the
 * Engine row's connection state. The console's left column and the first look (first-look.ts,
 * drawn before Ink has loaded) both use them.
 */
import {sanitizeName} from '../../engine/text/sanitize.js';
import {fit} from './format.js';
import type {PanelSpace} from './layout.js';
import type {SortId} from './problems.js';
import {panelIds, panelTitles, type PanelId} from './rows.js';
import type {ConsoleView} from './types.js';

/** `12:03:04`: local wall-clock time, as the state line says since when the engine is silent. */
const clockTime = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

/** The Engine row's state text (exported for tests). */
export const connectionText = (view: Pick<ConsoleView, 'connection'>): string => {
	const {state, since} = view.connection;
	if (state === 'silent') return since === undefined ? '◌ engine not answering' : `◌ engine not answering since ${clockTime(since)}`;
	return state === 'connected' ? '● connected' : state === 'reconnecting' ? '◌ reconnecting…' : '◌ connecting…';
};

/** The Engine panel's two lines of facts: context and mode, then connection, version and swarm. */
export function engineFacts(view: Pick<ConsoleView, 'engine' | 'connection'>): string[] {
	const {engine} = view;
	return [
		`${sanitizeName(engine.context ?? engine.description, 40)} · ${engine.mode ?? '?'}`,
		`${connectionText(view)} · v${sanitizeName(engine.version ?? '?', 20)} · swarm ${engine.swarm ?? '?'}`,
	];
}

/** True when a panel has rows but none fit its space and no `+N more` line says so (its title says `N hidden`). */
export const allHidden = (space: PanelSpace | undefined, selectable: number): boolean => Boolean(space && space.hidden > 0 && space.rows === 0 && !space.more && selectable > 0);

/** A panel title drawn as a rule: `━ 2 Services (5) ━━━━`, exactly `width` wide. */
export function titleLine(title: string, rule: string, width: number): string {
	const text = `${rule} ${title} `;
	return [...text].length >= width ? fit(text, width) : text + rule.repeat(width - [...text].length);
}

/** The badge the Engine title carries under --read-only. */
export const readOnlyBadge = 'READ-ONLY';

/** A panel's title text: number, name, row count (`7 hidden` when none fit), sort, filter; with several engines the engine shown (`@b`). */
export function panelTitle(id: PanelId, selectable: number, options: {readonly hiddenAll: boolean; readonly sort: SortId; readonly filter: string; readonly readOnly: boolean; readonly engines?: number; readonly onlyEngine?: string}): string {
	const index = panelIds.indexOf(id) + 1;
	if (id === 'engine') return `${index} ${panelTitles[id]}${options.engines ? `s (${options.engines})` : ''}${options.readOnly ? ` ${readOnlyBadge}` : ''}`;
	const count = options.hiddenAll ? ` (${selectable} hidden)` : ` (${selectable})`;
	const sort = id === 'services' || id === 'containers' ? ` ↓${options.sort}` : '';
	const filter = options.filter ? ` /${sanitizeName(options.filter, 20)}` : '';
	const engine = options.onlyEngine === undefined ? '' : ` @${sanitizeName(options.onlyEngine, 20)}`;
	return `${index} ${panelTitles[id]}${count}${engine}${filter}${sort}`;
}
