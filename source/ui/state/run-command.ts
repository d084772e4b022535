/**
 * What each key does: text entry while an input line is open, y/n while a confirmation is
 * open, otherwise the command the key map binds. Effects (actions, shell, theme, quit)
 * come in through `CommandEffects`, so this file holds the behaviour and tests can drive it.
 */
import {completePath, listLocalDirectory, type DirectoryLister} from './complete-path.js';
import type {Dispatch} from 'react';
import type {Key} from 'ink';
import {findCommand, refusal, resolveKey, type Keymap} from '../keys/keymap.js';
import {completePalette, type PaletteCandidates} from '../palette/complete-palette.js';
import {parsePalette, paletteVerbs} from '../palette/parse-palette.js';
import {builtinThemeNames} from '../theme/theme.js';
import type {Theme} from '../theme/theme.js';
import {cursorIndex, type PanelId, type PanelRow, type RowTarget, selectableKeys} from '../view/rows.js';
import type {ConsoleSource, ConsoleView} from '../view/types.js';
import type {ConsoleAction, ConsoleState} from './console-state.js';
import type {CommandOptions} from './command-operations.js';
import {confirmationVerb, engineCommandProblem, openShell, performEngineCommand} from './engine-commands.js';
import {findTarget, selectedTarget, targetContainer} from './targets.js';

/** What the command runner may do besides changing state. */
export type CommandEffects = {
	readonly dispatch: Dispatch<ConsoleAction>;
	readonly source: ConsoleSource;
	readonly keymap: Keymap;
	readonly rows: Readonly<Record<PanelId, readonly PanelRow[]>>;
	readonly view: ConsoleView;
	readonly pageSize: number;
	readonly loadTheme: (name: string) => Theme;
	readonly exec: (containerId: string) => void;
	readonly switchContext: (name: string) => void;
	readonly quit: () => void;
	readonly openChart: () => void;
	readonly setHelpScroll: (update: (scroll: number) => number) => void;
	/** Theme names `:theme` lists and completes (built-in ones when absent). */
	readonly themeNames?: () => readonly string[];
	/** Lists a directory for tab completion of the deploy path (default: the local file system). */
	readonly listDirectory?: DirectoryLister;
};

const panelById: Readonly<Record<string, PanelId>> = {
	'panel.engine': 'engine', 'panel.services': 'services', 'panel.containers': 'containers',
	'panel.images': 'images', 'panel.volumes': 'volumes', 'panel.networks': 'networks',
};

const error = (effects: CommandEffects, text: string) => effects.dispatch({type: 'showMessage', message: {text, tone: 'status.error'}});

/** Runs a command's operation on a target (see engine-commands.ts). */
export async function performAction(effects: CommandEffects, commandId: string, target: RowTarget, argument?: string, options?: CommandOptions): Promise<void> {
	return performEngineCommand(effects, commandId, target, argument, options);
}

/** Asks before a dangerous command (R names its dependents), else runs it. */
async function confirmOrRun(effects: CommandEffects, commandId: string, target: RowTarget, argument?: string, options?: CommandOptions): Promise<void> {
	if (!findCommand(effects.keymap, commandId)?.dangerous) return performAction(effects, commandId, target, argument, options);
	const verb = await confirmationVerb(effects, commandId, target, argument, options);
	effects.dispatch({type: 'openOverlay', overlay: {kind: 'confirm', commandId, verb, target, argument, options}});
}

/** After the tarball: the target directory from --path or the container's label, else ask for it (completed inside the container). */
async function askDeployPath(effects: CommandEffects, target: RowTarget, tarball: string, options: CommandOptions = {}): Promise<void> {
	const container = targetContainer(effects.view, target);
	const labelled = typeof options.path === 'string' || !container ? undefined : await effects.source.actions.deployPath?.(container).catch(() => undefined);
	if (typeof options.path === 'string' || labelled || !effects.source.actions.deployPath) return confirmOrRun(effects, 'service.deploy', target, tarball, options);
	effects.dispatch({type: 'openOverlay', overlay: {kind: 'input', purpose: 'deployPath', text: '/', target, argument: tarball, options}});
}

/** Tab in the deploy path prompt: directories inside the container (an exec of `ls -d` over PREFIX*, directories only). */
async function completeContainerPath(effects: CommandEffects, target: RowTarget, text: string): Promise<void> {
	const container = targetContainer(effects.view, target);
	const list = effects.source.actions.directories;
	if (!container || !list) return;
	const found = await list(container, text).catch(() => [] as readonly string[]);
	if (found.length === 0) return;
	let common = found[0]!;
	for (const entry of found) while (!entry.startsWith(common)) common = common.slice(0, -1);
	if (common.length > text.length) effects.dispatch({type: 'editInput', text: common});
	if (found.length > 1) effects.dispatch({type: 'showMessage', message: {text: found.slice(0, 12).join('  '), tone: 'status.info'}});
}

/** Starts a command on a target: dangerous ones ask first. */
function actOn(state: ConsoleState, effects: CommandEffects, commandId: string, target: RowTarget | undefined, argument?: string, options?: CommandOptions): void {
	const command = findCommand(effects.keymap, commandId);
	if (!command) return error(effects, effects.keymap.readOnly ? 'not available in read-only mode' : `${commandId} is not available`);
	if (!target || target.kind === 'resource') return error(effects, 'select a service or container first');
	if (state.running) return error(effects, `wait: ${state.running}`);
	if (commandId === 'container.exec') return void openShell(effects, target);
	const problem = engineCommandProblem(commandId, target);
	if (problem) return error(effects, problem);
	// A deploy asks for the tarball first (unless the palette gave it), then the path if no label gives one, then confirms.
	if (commandId === 'service.deploy') {
		if (!argument) return effects.dispatch({type: 'openOverlay', overlay: {kind: 'input', purpose: 'deploy', text: '', target, options}});
		return void askDeployPath(effects, target, argument, options);
	}
	void confirmOrRun(effects, commandId, target, argument, options);
}

/** Runs a submitted palette line. */
function runPalette(state: ConsoleState, effects: CommandEffects, line: string): void {
	const parsed = parsePalette(line, effects.keymap);
	if ('error' in parsed) return error(effects, parsed.error);
	const place = (name: string | undefined) => {
		if (!name) return {target: selectedTarget(effects.rows[state.panel], state.cursors[state.panel], state.selected[state.panel])};
		const found = findTarget(effects.rows, name);
		if (found) effects.dispatch({type: 'setCursor', panel: found.panel, index: found.index, key: found.key});
		return found ? {target: found.target} : undefined;
	};
	switch (parsed.kind) {
		case 'show': {
			const found = place(parsed.name);
			if (!found) return error(effects, `no service or container named "${parsed.name}"`);
			effects.dispatch({type: 'selectTab', tab: parsed.tab});
			effects.dispatch({type: 'focus', focus: 'main'});
			return;
		}
		case 'themes':
			effects.dispatch({type: 'showMessage', message: {text: `themes: ${themeNamesOf(effects).join(', ')} (now ${state.themeName}); :theme NAME switches`, tone: 'status.info'}});
			return;
		case 'theme':
			try {
				effects.loadTheme(parsed.name);
				effects.dispatch({type: 'setTheme', name: parsed.name});
				effects.dispatch({type: 'showMessage', message: {text: `theme ${parsed.name}`, tone: 'status.ok'}});
			} catch (failure) {
				error(effects, (failure as Error).message);
			}
			return;
		case 'action': {
			const found = place(parsed.name);
			if (!found) return error(effects, `no service or container named "${parsed.name}"`);
			return actOn(state, effects, parsed.commandId, found.target, parsed.argument, parsed.options);
		}
		case 'context':
			return effects.switchContext(parsed.name);
		case 'filter':
			effects.dispatch({type: 'setFilter', panel: state.panel, filter: parsed.text});
			return;
		case 'help':
			effects.dispatch({type: 'openOverlay', overlay: {kind: 'help'}});
			return;
		case 'quit':
			return effects.quit();
	}
}

const themeNamesOf = (effects: CommandEffects): readonly string[] => effects.themeNames?.() ?? builtinThemeNames;

/** What the palette completes: its verbs, then names of services, containers and themes. */
function paletteCandidates(effects: CommandEffects): PaletteCandidates {
	const names = (['services', 'containers'] as const).flatMap(panel => effects.rows[panel].flatMap(row => {
		const target = row.target;
		if (!target || target.kind === 'resource') return [];
		const name = target.name.replace(/^\//, '');
		return target.kind === 'service' ? [name, `${target.project}/${name}`] : [name];
	}));
	const takesName = new Set(paletteVerbs(effects.keymap).filter(entry => entry.argument.includes('NAME') && entry.verb !== 'context').map(entry => entry.verb));
	return {
		verbs: paletteVerbs(effects.keymap).map(entry => entry.verb),
		argumentsOf: verb => (verb === 'theme' ? themeNamesOf(effects) : takesName.has(verb) ? names : []),
	};
}

/** Handles a key while a text line (filter, search, palette) is open. */
function editInput(state: ConsoleState, effects: CommandEffects, input: string, key: Key): void {
	if (state.overlay.kind !== 'input') return;
	const {purpose, text} = state.overlay;
	const apply = (next: string) => {
		if (purpose === 'filter') effects.dispatch({type: 'setFilter', panel: state.panel, filter: next});
		if (purpose === 'search') effects.dispatch({type: 'setSearch', search: next});
	};
	if (key.escape) {
		apply('');
		effects.dispatch({type: 'closeOverlay'});
		return;
	}
	if (key.return) {
		effects.dispatch({type: 'closeOverlay'});
		if (purpose === 'palette') runPalette(state, effects, text);
		if (state.overlay.purpose === 'deploy') {
			const {target, options} = state.overlay;
			const tarball = text.trim();
			if (tarball === '') return error(effects, 'deploy: no tarball given');
			void askDeployPath(effects, target, tarball, options);
		}
		if (state.overlay.purpose === 'deployPath') {
			const {target, argument, options} = state.overlay;
			const path = text.trim();
			if (!path.startsWith('/')) return error(effects, 'deploy: the target directory must be an absolute path in the container');
			void confirmOrRun(effects, 'service.deploy', target, argument, {...options, path});
		}
		return;
	}
	let next = text;
	if (key.tab && purpose === 'palette') {
		const completion = completePalette(text, paletteCandidates(effects));
		next = completion.text;
		if (completion.candidates.length > 1) effects.dispatch({type: 'showMessage', message: {text: completion.candidates.slice(0, 12).join('  '), tone: 'status.info'}});
	} else if (key.tab && purpose === 'deploy') next = completePath(text, effects.listDirectory ?? listLocalDirectory);
	else if (key.tab && state.overlay.purpose === 'deployPath') return void completeContainerPath(effects, state.overlay.target, text);
	else if (key.backspace || key.delete) next = [...text].slice(0, -1).join('');
	else if (!key.ctrl && !key.meta && input && !/[\u0000-\u001f\u007f]/.test(input)) next = text + input;
	else return;
	effects.dispatch({type: 'editInput', text: next});
	apply(next);
}

/** Handles one key press. */
export function runCommand(state: ConsoleState, effects: CommandEffects, name: string | undefined, input: string, key: Key): void {
	const {dispatch} = effects;
	const overlay = state.overlay;
	if (overlay.kind === 'input') return editInput(state, effects, input, key);
	if (overlay.kind === 'confirm') {
		dispatch({type: 'closeOverlay'});
		if (input === 'y' || input === 'Y') void performAction(effects, overlay.commandId, overlay.target, overlay.argument, overlay.options);
		else dispatch({type: 'showMessage', message: {text: 'cancelled', tone: 'status.info'}});
		return;
	}
	if (name === undefined) return;
	const command = resolveKey(effects.keymap, name, state.focus);
	if (overlay.kind === 'help') {
		if (command?.id === 'cursor.down') effects.setHelpScroll(scroll => scroll + 1);
		else if (command?.id === 'cursor.up') effects.setHelpScroll(scroll => Math.max(0, scroll - 1));
		else if (command?.id === 'app.quit') effects.quit();
		else if (name === 'escape' || command?.id === 'help.toggle') dispatch({type: 'closeOverlay'});
		return;
	}
	if (!command) {
		// Under --read-only a removed action's key says why it does nothing.
		const refused = refusal(effects.keymap, name);
		if (refused) error(effects, refused);
		return;
	}
	const rows = effects.rows[state.panel];
	const move = (delta: number) => {
		if (state.focus === 'main') dispatch({type: 'scroll', delta: state.tab === 'logs' ? -delta : delta});
		else dispatch({type: 'moveCursor', delta, keys: selectableKeys(rows), from: cursorIndex(rows, state.cursors[state.panel], state.selected[state.panel])});
	};
	const target = selectedTarget(rows, state.cursors[state.panel], state.selected[state.panel]);
	const id = command.id;
	if (id in panelById) return dispatch({type: 'selectPanel', panel: panelById[id]!});
	switch (id) {
		case 'cursor.down': return move(1);
		case 'cursor.up': return move(-1);
		case 'cursor.pageDown': return move(effects.pageSize);
		case 'cursor.pageUp': return move(-effects.pageSize);
		case 'cursor.first': return move(-100_000);
		case 'cursor.last': return move(100_000);
		case 'panel.next': return dispatch({type: 'cyclePanel', delta: 1});
		case 'panel.previous': return dispatch({type: 'cyclePanel', delta: -1});
		case 'tab.next': return dispatch({type: 'cycleTab', delta: 1});
		case 'tab.previous': return dispatch({type: 'cycleTab', delta: -1});
		case 'focus.main': return dispatch({type: 'focus', focus: 'main'});
		case 'focus.list':
			if (state.logs.search) dispatch({type: 'setSearch', search: ''});
			return dispatch({type: 'focus', focus: 'list'});
		case 'list.filter':
			if (state.focus === 'main' && state.tab === 'logs') return dispatch({type: 'openOverlay', overlay: {kind: 'input', purpose: 'search', text: state.logs.search}});
			return dispatch({type: 'openOverlay', overlay: {kind: 'input', purpose: 'filter', text: state.filters[state.panel]}});
		case 'search.next': return dispatch({type: 'moveMatch', delta: 1});
		case 'search.previous': return dispatch({type: 'moveMatch', delta: -1});
		case 'logs.follow': return dispatch({type: 'toggleLogs', option: 'follow'});
		case 'logs.wrap': return dispatch({type: 'toggleLogs', option: 'wrap'});
		case 'logs.timestamps': return dispatch({type: 'toggleLogs', option: 'timestamps'});
		case 'inspect.reveal': return dispatch({type: 'toggleReveal', containerId: targetContainer(effects.view, target)});
		case 'list.sort': return dispatch({type: 'cycleSort'});
		case 'fleet.toggle': {
			const engines = effects.view.engines ?? [];
			if (engines.length < 2) return dispatch({type: 'showMessage', message: {text: 'one engine watched: nothing to group (deckhand --context A --context B)', tone: 'status.info'}});
			dispatch({type: 'toggleFleet'});
			const shown = selectedTarget(effects.rows.engine, state.cursors.engine, state.selected.engine)?.name ?? engines[0]!.name;
			return dispatch({type: 'showMessage', message: {text: state.fleet === 'filtered' ? 'all engines, grouped' : `only engine ${shown} (pick another in 1 Engines)`, tone: 'status.info'}});
		}
		case 'events.toggle': return dispatch({type: 'toggleEvents'});
		case 'logs.filter': return dispatch({type: 'toggleLogs', option: 'filter'});
		case 'logs.project': return dispatch({type: 'toggleLogs', option: 'project'});
		case 'palette.open': return dispatch({type: 'openOverlay', overlay: {kind: 'input', purpose: 'palette', text: ''}});
		case 'help.toggle':
			effects.setHelpScroll(() => 0);
			return dispatch({type: 'openOverlay', overlay: {kind: 'help'}});
		case 'app.quit': return effects.quit();
		case 'chart.open': return effects.openChart();
		default: return actOn(state, effects, id, target);
	}
}
