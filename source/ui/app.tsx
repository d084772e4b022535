/**
 * The console's root: holds UI state, reads the throttled view, turns keys into commands
 * through the key map, and lays out left column, main area and bottom bar in a frame one
 * line shorter than the terminal.
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import {BottomBar} from './components/bottom-bar.js';
import {HelpOverlay} from './components/help-overlay.js';
import {LeftColumn} from './components/left-column.js';
import {MainArea} from './components/main-area.js';
import {createFrameClock, dataFrameMs} from './data/frame-clock.js';
import {useConsoleView} from './hooks/use-console-view.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {hintLine, keyName, type Keymap} from './keys/keymap.js';
import {type ConsoleAction, consoleReducer, type ConsoleState, initialState} from './state/console-state.js';
import {runCommand, type CommandEffects} from './state/run-command.js';
import {selectedTarget, targetContainer} from './state/targets.js';
import type {Theme} from './theme/theme.js';
import {ThemeContext} from './theme/theme-context.js';
import {allocatePanels, bottomLines, frameSize, leftWidth, windowStart} from './view/layout.js';
import {fleetPanelRows, isFleet} from './view/fleet-rows.js';
import {cursorIndex, panelIds, selectableIndexes, type PanelId, type PanelRow} from './view/rows.js';
import type {ConsoleSource} from './view/types.js';
import {sessionOf, type ConsoleSession} from './state/session.js';

/** Props of the console app; effects that leave the app (exec, context) are callbacks. */
export type AppProps = {
	readonly source: ConsoleSource;
	readonly keymap: Keymap;
	readonly theme: Theme;
	/** Resolves a theme name (throws UsageError naming the problem). */
	readonly loadTheme: (name: string) => Theme;
	/** The theme names `:theme` lists and completes. */
	readonly themeNames?: () => readonly string[];
	readonly initialState?: ConsoleState;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	readonly size?: {columns: number; rows: number};
	readonly interactive?: boolean;
	/** How often the view may be re-read from the source. */
	readonly updateIntervalMs?: number;
	/** The clock rows read ages (`up 3s`) and crash loops from (tests fix it). */
	readonly now?: () => number;
	/** Remembers the session (theme, panel, sort) after it changes; debounced by the caller. */
	readonly onSessionChange?: (session: ConsoleSession) => void;
	/** Open a shell in a container; the app is unmounted meanwhile and re-rendered with `state`. */
	readonly onExec?: (containerId: string, state: ConsoleState) => void;
	readonly onSwitchContext?: (name: string, state: ConsoleState) => void;
	/** Open the full-screen chart view; the app is unmounted meanwhile. */
	/** `g`: the chart view; with several engines, of the engine that owns the selected row (or selected in Engines). */
	readonly onChart?: (state: ConsoleState, engine?: string) => void;
	readonly onQuit?: () => void;
};

/** The console. */
export function App(props: AppProps) {
	const {source, keymap, size, interactive = true} = props;
	const {exit} = useApp();
	// Keys can arrive faster than React renders; the ref always holds the state after every
	// action so far, so the next key is judged against it and none is lost.
	const stateRef = useRef<ConsoleState>(props.initialState ?? initialState(props.theme.name));
	const [state, setState] = useState(stateRef.current);
	const dispatch = useCallback((action: ConsoleAction) => {
		stateRef.current = consoleReducer(stateRef.current, action);
		setState(stateRef.current);
	}, []);
	const [theme, setTheme] = useState(props.theme);
	const [helpScroll, setHelpScroll] = useState(0);
	// One clock for the view and the Logs tab: their updates are drawn in one frame.
	const clock = useMemo(() => createFrameClock(props.updateIntervalMs ?? dataFrameMs), [props.updateIntervalMs]);
	const view = useConsoleView(source, clock);
	const now = props.now ?? Date.now;
	const {onSessionChange} = props;
	const session = sessionOf(state);
	const sessionKey = JSON.stringify(session);
	useEffect(() => {
		onSessionChange?.(JSON.parse(sessionKey) as ConsoleSession);
	}, [sessionKey, onSessionChange]);
	const {columns, rows: terminalRows} = useTerminalSize(size);
	const {width, height} = frameSize(columns, terminalRows);
	const paneHeight = height - bottomLines;
	const left = leftWidth(width);
	const mainWidth = width - left - 1;

	// Several engines: the engine selected in Engines is the one the filtered layout (F) shows.
	const engine = useMemo(() => selectedTarget(fleetPanelRows(view, 'engine'), state.cursors.engine, state.selected.engine)?.name ?? view.engines?.[0]?.name, [view, state.cursors.engine, state.selected.engine]);
	const onlyEngine = state.fleet === 'filtered' && isFleet(view) ? engine : undefined;
	const rows = useMemo(() => {
		const options = {sort: state.sort, now: now(), layout: state.fleet ?? 'grouped', engine} as const;
		return Object.fromEntries(panelIds.map(id => [id, fleetPanelRows(view, id, state.filters[id], options)])) as Record<PanelId, PanelRow[]>;
	}, [view, state.filters, state.sort, now, state.fleet, engine]);
	// Until the user picks a panel, focus is on the first one that has rows (Services empty
	// with only standalone containers: Containers). Set during render, so no frame shows the empty one.
	if (!state.panelChosen && rows[state.panel].length === 0) {
		const first = panelIds.find(id => id !== 'engine' && rows[id].length > 0);
		if (first && first !== state.panel) dispatch({type: 'startPanel', panel: first});
	}
	// Like the state, keys read the rows of the latest render (a key handled by a handler of
	// an older render must not move the cursor over rows that have re-sorted since).
	const rowsRef = useRef(rows);
	rowsRef.current = rows;
	const target = selectedTarget(rows[state.panel], state.cursors[state.panel], state.selected[state.panel]);

	// Only containers on screen stream stats (the daemon pays per stream).
	const visibleIds = useMemo(() => {
		const counts = Object.fromEntries(panelIds.map(id => [id, rows[id].length])) as Record<PanelId, number>;
		const heights = allocatePanels(paneHeight, counts, state.panel);
		const ids = new Set<string>();
		for (const id of ['services', 'containers'] as const) {
			const cursorRow = selectableIndexes(rows[id])[cursorIndex(rows[id], state.cursors[id], state.selected[id])] ?? 0;
			const start = windowStart(rows[id].length, cursorRow, heights[id].rows);
			for (const row of rows[id].slice(start, start + heights[id].rows)) {
				if (row.target?.kind === 'service') ids.add(row.target.containerIds.join(','));
				if (row.target?.kind === 'container') ids.add(row.target.id);
			}
		}
		const selected = targetContainer(view, target);
		if (selected) ids.add(selected);
		return [...ids].flatMap(entry => entry.split(',')).filter(Boolean).sort().join(',');
	}, [rows, paneHeight, state.panel, state.cursors, state.selected, view, target]);
	useEffect(() => {
		source.watchStats?.(visibleIds === '' ? [] : visibleIds.split(','));
	}, [source, visibleIds]);

	const quit = useCallback(() => {
		props.onQuit?.();
		exit();
	}, [exit, props.onQuit]);

	const effects: CommandEffects = {
		dispatch,
		source,
		keymap,
		get rows() {
			return rowsRef.current;
		},
		view,
		pageSize: Math.max(1, paneHeight - 2),
		loadTheme: name => {
			const loaded = props.loadTheme(name);
			setTheme(loaded);
			return loaded;
		},
		exec: id => (props.onExec ? props.onExec(id, stateRef.current) : dispatch({type: 'showMessage', message: {text: 'shell is not available here', tone: 'status.error'}})),
		switchContext: name => (props.onSwitchContext ? props.onSwitchContext(name, stateRef.current) : dispatch({type: 'showMessage', message: {text: 'switching context is not available here', tone: 'status.error'}})),
		quit,
		openChart: () => (props.onChart ? props.onChart(stateRef.current, isFleet(view) ? (target?.engine ?? engine) : undefined) : dispatch({type: 'showMessage', message: {text: 'charts are not available here', tone: 'status.error'}})),
		setHelpScroll,
		themeNames: props.themeNames,
	};

	useInput((input, key) => {
		// Keys typed faster than the terminal delivers them (or sent by tmux in one write)
		// arrive as one chunk: outside a text line, each character is its own key press.
		const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && [...input].length > 1;
		if (plain && (stateRef.current.overlay.kind !== 'input' || /[\r\n\t\u007f]/.test(input))) {
			for (const character of input) {
				const single = {...key, return: character === '\r' || character === '\n', tab: character === '\t', backspace: character === '\u007f'};
				runCommand(stateRef.current, effects, keyName(character, single), character, single);
			}
			return;
		}
		runCommand(stateRef.current, effects, keyName(input, key), input, key);
	}, {isActive: interactive});

	const hints = state.overlay.kind === 'help' ? `j/k scroll  ? or escape close (${keymap.commands.length} commands, then the legend)` : hintLine(keymap, state.focus);
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={width} height={height}>
				<Box flexDirection="row" height={paneHeight}>
					<LeftColumn view={view} rows={rows} panel={state.panel} focused={state.focus === 'list' && state.overlay.kind !== 'help'} cursors={state.cursors} selected={state.selected} filters={state.filters} sort={state.sort} readOnly={keymap.readOnly} onlyEngine={onlyEngine} width={left} height={paneHeight} />
					<Box width={1} height={paneHeight} overflowY="hidden">
						<Text color={theme.colors['border.unfocused']}>{Array.from({length: paneHeight}, () => '│').join('\n')}</Text>
					</Box>
					{state.overlay.kind === 'help' ? (
						<HelpOverlay keymap={keymap} width={mainWidth} height={paneHeight} scroll={helpScroll} />
					) : (
						<MainArea source={source} view={view} state={state} target={target} width={mainWidth} height={paneHeight} now={now()} dispatch={dispatch} clock={clock} />
					)}
				</Box>
				<BottomBar events={view.events} state={state} hints={hints} width={width} interactive={interactive} />
			</Box>
		</ThemeContext.Provider>
	);
}
