/**
 * The console's UI state and its reducer (named actions, ink-ui style). Pure: what is
 * focused, where each cursor is, filters, the open overlay, tab options. Data from the
 * engine is not here; it comes from the source.
 */
import {nextSort, type SortId} from '../view/problems.js';
import {panelIds, type PanelId, type RowTarget} from '../view/rows.js';

/** Tabs of the main area, in order. */
export const tabIds = ['logs', 'stats', 'health', 'inspect', 'top'] as const;

/** One main-area tab. */
export type TabId = (typeof tabIds)[number];

/** Tab titles. */
export const tabTitles: Readonly<Record<TabId, string>> = {logs: 'Logs', stats: 'Stats', health: 'Health', inspect: 'Inspect', top: 'Top'};

/** What is drawn over the panes, if anything. */
export type Overlay =
	| {readonly kind: 'none'}
	| {readonly kind: 'help'}
	| {readonly kind: 'input'; readonly purpose: 'filter' | 'palette' | 'search'; readonly text: string}
	/** The tarball path for a deploy into `target` (`options`: the palette's flags). */
	| {readonly kind: 'input'; readonly purpose: 'deploy'; readonly text: string; readonly target: RowTarget; readonly options?: Readonly<Record<string, unknown>>}
	/** The target directory inside the container for a deploy of `argument` (no label gives one). */
	| {readonly kind: 'input'; readonly purpose: 'deployPath'; readonly text: string; readonly target: RowTarget; readonly argument: string; readonly options?: Readonly<Record<string, unknown>>}
	| {readonly kind: 'confirm'; readonly commandId: string; readonly verb: string; readonly target: RowTarget; readonly argument?: string; readonly options?: Readonly<Record<string, unknown>>};

/** A line in the status area: a result or an error. */
export type StatusMessage = {readonly text: string; readonly tone: 'status.ok' | 'status.error' | 'status.info'};

/** The whole UI state. */
export type ConsoleState = {
	readonly panel: PanelId;
	readonly focus: 'list' | 'main';
	readonly cursors: Readonly<Record<PanelId, number>>;
	/** The row key each cursor was put on, so it follows its row when the list re-sorts. */
	readonly selected: Readonly<Record<PanelId, string | undefined>>;
	/** False until the user picks a panel: until then focus moves to the first panel with rows. */
	readonly panelChosen: boolean;
	/** The order of Services and Containers. */
	readonly sort: SortId;
	/** The events pane (recent events) is shown in place of the main area's tab. */
	readonly eventsPane: boolean;
	readonly filters: Readonly<Record<PanelId, string>>;
	readonly tab: TabId;
	readonly overlay: Overlay;
	readonly logs: {readonly follow: boolean; readonly wrap: boolean; readonly timestamps: boolean; readonly search: string; readonly match: number; readonly filter: boolean; readonly project: boolean};
	/** The container whose secrets Inspect shows in clear; selecting another masks again. */
	readonly reveal?: string;
	/** Main-area scroll: lines from the top (logs: from the bottom). */
	readonly scroll: number;
	readonly themeName: string;
	/** True once the user picked the theme (`:theme`): only a picked theme is remembered, never one NO_COLOR forced. */
	readonly themePicked?: boolean;
	readonly running?: string;
	readonly message?: StatusMessage;
	/** Several engines: the lists show only the engine selected in Engines (absent: all, grouped by engine). */
	readonly fleet?: 'filtered';
};

const perPanel = <T>(value: T): Record<PanelId, T> => ({engine: value, services: value, containers: value, images: value, volumes: value, networks: value});

/** The state a console starts in: Services focused, Logs tab, following. */
export const initialState = (themeName = 'default'): ConsoleState => ({
	panel: 'services',
	focus: 'list',
	cursors: perPanel(0),
	selected: perPanel<string | undefined>(undefined),
	panelChosen: false,
	sort: 'problems',
	eventsPane: false,
	filters: perPanel(''),
	tab: 'logs',
	overlay: {kind: 'none'},
	logs: {follow: true, wrap: false, timestamps: false, search: '', match: 0, filter: false, project: false},
	reveal: undefined,
	scroll: 0,
	themeName,
});

/** Everything that can happen to the UI state. */
export type ConsoleAction =
	/** `keys`: the selectable rows' keys of the focused panel, in order. */
	| {readonly type: 'moveCursor'; readonly delta: number; readonly keys: readonly string[]; readonly from: number}
	| {readonly type: 'setCursor'; readonly panel: PanelId; readonly index: number; readonly key?: string}
	| {readonly type: 'selectPanel'; readonly panel: PanelId}
	/** Focus moved at start to the first panel that has rows (not the user's choice). */
	| {readonly type: 'startPanel'; readonly panel: PanelId}
	| {readonly type: 'cycleSort'}
	/** Several engines: grouped by engine ↔ only the selected engine. */
	| {readonly type: 'toggleFleet'}
	| {readonly type: 'toggleEvents'}
	| {readonly type: 'cyclePanel'; readonly delta: number}
	| {readonly type: 'cycleTab'; readonly delta: number}
	| {readonly type: 'selectTab'; readonly tab: TabId}
	| {readonly type: 'focus'; readonly focus: 'list' | 'main'}
	| {readonly type: 'openOverlay'; readonly overlay: Overlay}
	| {readonly type: 'closeOverlay'}
	| {readonly type: 'editInput'; readonly text: string}
	| {readonly type: 'setFilter'; readonly panel: PanelId; readonly filter: string}
	| {readonly type: 'setSearch'; readonly search: string}
	| {readonly type: 'moveMatch'; readonly delta: number}
	| {readonly type: 'toggleLogs'; readonly option: 'follow' | 'wrap' | 'timestamps' | 'filter' | 'project'}
	| {readonly type: 'toggleReveal'; readonly containerId?: string}
	| {readonly type: 'scroll'; readonly delta: number}
	/** The scroll the Logs pager applied (it clamps at the ends, knowing the lines). */
	| {readonly type: 'setScroll'; readonly scroll: number}
	| {readonly type: 'setTheme'; readonly name: string}
	| {readonly type: 'actionStarted'; readonly label: string}
	| {readonly type: 'actionFinished'; readonly message: StatusMessage}
	| {readonly type: 'showMessage'; readonly message: StatusMessage};

const clamp = (value: number, count: number) => Math.max(0, Math.min(value, count - 1));

/** Applies one action. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
	switch (action.type) {
		case 'moveCursor': {
			const index = clamp(action.from + action.delta, action.keys.length);
			return {...state, cursors: {...state.cursors, [state.panel]: index}, selected: {...state.selected, [state.panel]: action.keys[index]}, scroll: 0};
		}
		case 'setCursor':
			return {...state, panel: action.panel, panelChosen: true, cursors: {...state.cursors, [action.panel]: Math.max(0, action.index)}, selected: {...state.selected, [action.panel]: action.key}, scroll: 0};
		case 'selectPanel':
			return {...state, panel: action.panel, panelChosen: true, focus: 'list', scroll: 0};
		case 'startPanel':
			return {...state, panel: action.panel, scroll: 0};
		case 'cyclePanel': {
			const index = (panelIds.indexOf(state.panel) + action.delta + panelIds.length) % panelIds.length;
			return {...state, panel: panelIds[index]!, panelChosen: true, focus: 'list', scroll: 0};
		}
		case 'cycleSort':
			return {...state, sort: nextSort(state.sort)};
		case 'toggleFleet': {
			const {fleet, ...rest} = state;
			// The lists change under the cursors: each goes back to its first row.
			const lists = {services: 0, containers: 0, images: 0, volumes: 0, networks: 0};
			const reset = {cursors: {...state.cursors, ...lists}, selected: {...state.selected, services: undefined, containers: undefined, images: undefined, volumes: undefined, networks: undefined}, scroll: 0};
			return fleet === 'filtered' ? {...rest, ...reset} : {...rest, ...reset, fleet: 'filtered'};
		}
		case 'toggleEvents':
			return {...state, eventsPane: !state.eventsPane, scroll: 0};
		case 'cycleTab': {
			const index = (tabIds.indexOf(state.tab) + action.delta + tabIds.length) % tabIds.length;
			return {...state, tab: tabIds[index]!, reveal: undefined, scroll: 0};
		}
		case 'selectTab':
			return {...state, tab: action.tab, reveal: undefined, scroll: 0};
		case 'focus':
			return {...state, focus: action.focus};
		case 'openOverlay':
			return {...state, overlay: action.overlay};
		case 'closeOverlay':
			return {...state, overlay: {kind: 'none'}};
		case 'editInput':
			return state.overlay.kind === 'input' ? {...state, overlay: {...state.overlay, text: action.text}} : state;
		case 'setFilter':
			return {...state, filters: {...state.filters, [action.panel]: action.filter}, cursors: {...state.cursors, [action.panel]: 0}, selected: {...state.selected, [action.panel]: undefined}};
		case 'setSearch':
			return {...state, logs: {...state.logs, search: action.search, match: 0, follow: action.search === '' ? state.logs.follow : false, filter: action.search === '' ? false : state.logs.filter}, scroll: state.tab === 'logs' ? 0 : state.scroll};
		case 'moveMatch':
			return {...state, logs: {...state.logs, match: state.logs.match + action.delta, follow: false}, scroll: state.tab === 'logs' ? 0 : state.scroll};
		case 'toggleLogs':
			return {...state, logs: {...state.logs, [action.option]: !state.logs[action.option]}, scroll: action.option === 'wrap' || action.option === 'timestamps' ? state.scroll : 0};
		case 'scroll':
			// Logs: the pager clamps (it knows the lines); the end (end/G) follows again.
			if (state.tab === 'logs') {
				if (action.delta <= -100_000) return {...state, scroll: 0, logs: {...state.logs, follow: true}};
				return {...state, scroll: state.scroll + action.delta, logs: action.delta > 0 ? {...state.logs, follow: false} : state.logs};
			}
			return {...state, scroll: Math.max(0, state.scroll + action.delta)};
		case 'setScroll':
			return {...state, scroll: action.scroll};
		case 'toggleReveal':
			return {...state, reveal: action.containerId === undefined || state.reveal === action.containerId ? undefined : action.containerId};
		case 'setTheme':
			return {...state, themeName: action.name, themePicked: true};
		case 'actionStarted':
			return {...state, running: action.label, message: undefined};
		case 'actionFinished':
			return {...state, running: undefined, message: action.message};
		case 'showMessage':
			return {...state, message: action.message};
	}
}
