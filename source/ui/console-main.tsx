/**
 * The console's main loop: reads the user config and theme, connects (one clear message and
 * exit 3 when no engine answers), renders the app with Ink's light-weight options, and
 * suspends it for an exec shell or a context switch, resuming with the same UI state.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {render} from 'ink';
import {connectEngine, type EngineConnection} from '../docker/client.js';
import {runOnTerminal} from '../docker/inherited-process.js';
import {detectEngineMode} from '../engine/mode/engine-mode.js';
import {ExitCode} from '../engine/errors.js';
import {sanitizeName} from '../engine/text/sanitize.js';
import {App} from './app.js';
import {chartContainerIds} from './chart/chart-series.js';
import {leaveBySignal, onTerminalGone} from './hang-up.js';
import {inkOutput} from './ink-output.js';
import {configDirectory} from './config/config-directory.js';
import {consoleEngine} from './data/console-engine.js';
import {shortEngineNames} from './data/engine-names.js';
import {startFleetSource} from './data/fleet-start.js';
import {createLiveSource, type ConsoleEngine} from './data/live-source.js';
import {buildKeymap} from './keys/keymap.js';
import {type ConsoleState, initialState} from './state/console-state.js';
import {createSessionStore, restoreSession, sessionFile} from './state/session.js';
import {builtinThemeDirectory, chooseThemeName, listThemeNames, loadTheme} from './theme/theme.js';
import type {ConsoleSource, ConsoleView} from './view/types.js';

import type {ConsoleOptions} from './run-console.js';

/** The detected mode (host, socket, dind, remote) for the Engine panel; the same detection as `deckhand mode`. */
async function modeOf(engine: ConsoleEngine): Promise<string> {
	return (await detectEngineMode(engine.ports).catch(() => undefined))?.mode ?? 'unknown';
}

const enterScreen = '\u001b[?1049h\u001b[H\u001b[2J';
const leaveScreen = '\u001b[?1049l\u001b[?25h';

/** Renders the console until the user quits; returns the exit code (entry: run-console.tsx). */
export async function startConsole(options: ConsoleOptions): Promise<number> {
	const env = process.env;
	// The YAML parser loads only when there is a config file to parse.
	const directory = configDirectory(env);
	const config = existsSync(join(directory, 'config.yaml')) ? (await import('./config/config.js')).loadConfig({env, directory}) : {keys: {}, theme: undefined, directory};
	const themeSources = {directories: [config.directory, builtinThemeDirectory()]};
	const themeFor = (name: string) => loadTheme(name, themeSources);
	// The last theme, panel and order picked are remembered (a bad session file is ignored).
	const sessionStore = createSessionStore({file: sessionFile(env)});
	const remembered = sessionStore.load();
	let theme = themeFor(chooseThemeName({flag: options.theme, config: remembered.theme ?? config.theme, env}));
	const keymap = buildKeymap({overrides: config.keys, readOnly: options.readOnly});
	// Several engines: --host/--context repeated, else `engines:` in the config file.
	const engines = options.engines ? shortEngineNames(options.engines) : options.host || options.context ? undefined : config.engines;
	// The one app-level controller: quitting aborts every operation the console runs (each
	// source links its own signal to it; a context switch closes the old source, aborting its runs).
	const app = new AbortController();
	let target = engines?.length === 1 ? {host: engines[0]!.host, context: engines[0]!.context} : {host: options.host, context: options.context};
	const fleet = engines && engines.length > 1 ? await startFleetSource(engines, {env, signal: app.signal, readOnly: options.readOnly}) : undefined;
	let connection = fleet ? undefined : await connectEngine(target);
	// The early listing seeds the first connection's model when it asked the same socket.
	const early = await options.earlyList;
	let seed = connection && early?.host === connection.host ? early : undefined;
	const sourceFor = async (current: EngineConnection, context?: string): Promise<ConsoleSource> => {
		// The composition root: one set of ports per connection, handed to the engine through the live source.
		const engine = consoleEngine(current);
		// The mode (it reads /proc) follows the first frame instead of delaying it.
		const source = createLiveSource(engine, {mode: modeOf(engine), seed, context: context ?? env.DOCKER_CONTEXT ?? (options.host || env.DOCKER_HOST ? undefined : 'default'), signal: app.signal, readOnly: options.readOnly});
		seed = undefined;
		return source;
	};
	let source = fleet ?? (await sourceFor(connection!, target.context));

	const stdout = process.stdout;
	const stdin = process.stdin;
	const fullScreen = Boolean(stdout.isTTY) && env.TERM !== 'dumb';
	const restoreTerminal = () => {
		if (fullScreen) stdout.write(leaveScreen);
	};
	// SIGTERM: the terminal is still there, so it is restored first. A hang-up: it is gone,
	// so only the streams to the engine are closed; either way the signal ends the process.
	const onSignal = (signal: NodeJS.Signals) => leaveBySignal(signal, signal === 'SIGHUP' ? [() => source.close()] : [() => source.close(), restoreTerminal]);
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	const stopWatchingTerminal = onTerminalGone(stdin, stdout, () => onSignal('SIGHUP'));
	// Without a terminal on stdin there are no keys: Ctrl-C (SIGINT) is how one quits.
	let quitFromSignal = () => undefined as void;
	const onInterrupt = () => quitFromSignal();
	process.on('SIGINT', onInterrupt);
	// From here the console draws. A first look on screen is cleared by Ink's first frame, in
	// the same write (no blank screen in between); otherwise the screen is entered now.
	const firstLookShown = options.firstLook?.handOver() ?? false;
	if (fullScreen && !firstLookShown) stdout.write(enterScreen);
	const inkStdout = inkOutput(stdout, {firstWritePrefix: firstLookShown ? '\u001b[H\u001b[2J' : ''});

	let state: ConsoleState | undefined;
	let cancelledOnQuit: string[] = [];
	try {
		for (;;) {
			type Outcome = {kind: 'quit'} | {kind: 'exec'; id: string} | {kind: 'context'; name: string} | {kind: 'chart'; engine?: string};
			let settle: (outcome: Outcome) => void = () => undefined;
			const outcome = new Promise<Outcome>(resolve => {
				settle = resolve;
				quitFromSignal = () => resolve({kind: 'quit'});
			});
			// maxFps 30: data reaches the app batched at ~2 Hz already (useConsoleView); this cap
			// only joins bursts (keys, an urgent change right after a batch). At 10 the first
			// frame with data waited ~90 ms behind the start-up frames (bench, README).
			const instance = render(
				<App
					source={source}
					keymap={keymap}
					theme={theme}
					loadTheme={name => (theme = themeFor(name))}
					themeNames={() => listThemeNames(themeSources.directories)}
					initialState={state ?? restoreSession(initialState(theme.name), remembered)}
					onSessionChange={session => sessionStore.save({...remembered, ...session})}
					interactive={Boolean(stdin.isTTY)}
					onQuit={() => settle({kind: 'quit'})}
					onExec={(id, current) => {
						state = current;
						settle({kind: 'exec', id});
					}}
					onChart={(current, engine) => {
						state = current;
						settle({kind: 'chart', engine});
					}}
					onSwitchContext={(name, current) => {
						state = current;
						settle({kind: 'context', name});
					}}
				/>,
				{stdout: inkStdout, stdin, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 30},
			);
			instance.waitUntilExit().then(() => settle({kind: 'quit'}), () => settle({kind: 'quit'}));
			const next = await outcome;
			instance.unmount();
			instance.cleanup();
			if (next.kind === 'quit') {
				// Say what quitting cancelled, after the screen is restored (finally, below).
				cancelledOnQuit = source.cancelOperations?.() ?? [];
				app.abort();
				return ExitCode.ok;
			}
			if (next.kind === 'exec') {
				state = {...(state ?? initialState(theme.name)), message: await runShell(source, next.id, fullScreen)};
				continue;
			}
			if (next.kind === 'chart') {
				// Several engines: the chart follows the engine of the selected row, the one it connects to.
				const chartHost = (next.engine && fleet?.engineHosts[next.engine]) || (connection?.host ?? env.DOCKER_HOST ?? 'unix:///var/run/docker.sock');
				state = {...(state ?? initialState(theme.name)), message: await runCharts(source, chartHost, fullScreen, theme.name !== 'monochrome', fleet ? next.engine : undefined)};
				continue;
			}
			// Context switch: keep the old connection if the new one does not answer.
			try {
				const nextConnection = await connectEngine({context: next.name});
				const cancelled = source.cancelOperations?.() ?? [];
				source.close();
				connection = nextConnection;
				target = {host: undefined, context: next.name};
				source = await sourceFor(connection, next.name);
				state = {...(state ?? initialState(theme.name)), running: undefined, message: {text: [`context ${next.name}`, ...cancelled].join('; '), tone: 'status.ok'}};
			} catch (error) {
				state = {...(state ?? initialState(theme.name)), message: {text: (error as Error).message, tone: 'status.error'}};
			}
		}
	} finally {
		sessionStore.flush();
		source.close();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('SIGINT', onInterrupt);
		stopWatchingTerminal();
		restoreTerminal();
		for (const line of cancelledOnQuit) process.stderr.write(`deckhand: ${sanitizeName(line, 200)}\n`);
	}
}

/**
 * Stops this process reading the terminal while a child owns it. Unmounted, Ink only removes
 * its listener: Node keeps reading fd 0 into the stream's buffer until that is full, so a
 * shell would lose keys to us. Reading restarts by itself when Ink listens again.
 */
function releaseStdin(): void {
	const stdin = process.stdin as NodeJS.ReadStream & {_handle?: {reading?: boolean; readStop?: () => number}};
	if (stdin.isTTY) stdin.setRawMode(false);
	stdin.pause();
	if (stdin._handle?.reading) {
		stdin._handle.readStop?.();
		stdin._handle.reading = false;
	}
}

/** Undoes `releaseStdin` once the child is gone, so Ink's next listener gets keys again. */
function reclaimStdin(): void {
	const stdin = process.stdin as NodeJS.ReadStream & {_handle?: {reading?: boolean; readStart?: () => number}};
	if (stdin._handle && !stdin._handle.reading) {
		stdin._handle.reading = true;
		stdin._handle.readStart?.();
	}
}

/**
 * Shows the blessed-contrib chart view between two Ink renders, in its own process (see
 * chart/chart-process.ts for why), seeded with the stats history collected so far.
 */
/** The view a chart is seeded from: with several engines, only `engine`'s services and containers. */
const chartView = (view: ConsoleView, engine: string | undefined): ConsoleView =>
	engine === undefined ? view : {...view, services: view.services.filter(service => service.engine === engine), containers: view.containers.filter(container => container.engine === engine)};

async function runCharts(source: ConsoleSource, host: string, fullScreen: boolean, color: boolean, engine?: string): Promise<ConsoleState['message']> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) return {text: 'charts need a terminal', tone: 'status.error'};
	const view = chartView(source.snapshot(), engine);
	const seed: Record<string, unknown> = {};
	for (const id of chartContainerIds(view)) seed[id] = source.statsHistory?.(id) ?? [];
	const directory = mkdtempSync(join(tmpdir(), 'deckhand-chart-'));
	const seedFile = join(directory, 'seed.json');
	writeFileSync(seedFile, JSON.stringify(seed));
	// Built (scripts/bundle.mjs: this module is in dist/chunks/): plain node. From sources
	// (tsx, no such file beside source/ui/): the .ts entry through tsx's loader.
	const built = fileURLToPath(new URL('../chart/chart-process.js', import.meta.url));
	const [entry, loader] = existsSync(built) ? [built, []] : [fileURLToPath(new URL('chart/chart-process.ts', import.meta.url)), ['--import', 'tsx']];
	if (fullScreen) process.stdout.write(leaveScreen);
	releaseStdin();
	try {
		const result = await runOnTerminal(process.execPath, [...loader, entry, host, seedFile, color ? '1' : '0']);
		return result.exitCode === 0 ? undefined : {text: `charts ended with exit ${result.exitCode ?? '?'}`, tone: 'status.error'};
	} finally {
		rmSync(directory, {recursive: true, force: true});
		reclaimStdin();
		if (fullScreen) process.stdout.write(enterScreen);
	}
}

/**
 * Runs `docker exec -it ID sh` on the real terminal while Ink is unmounted: leaves the
 * alternate screen, lets Ctrl-C reach the shell only, and comes back with a result line.
 */
async function runShell(source: ConsoleSource, id: string, fullScreen: boolean): Promise<ConsoleState['message']> {
	const command = source.shellCommand?.(id);
	if (!command) return {text: 'shell is not available for this engine', tone: 'status.error'};
	const stdout = process.stdout;
	// People know containers by name; the id is the fallback when the model has none.
	const name = sanitizeName(source.snapshot().containers.find(container => container.id === id)?.name.replace(/^\//, '') ?? id.slice(0, 12), 80);
	if (fullScreen) stdout.write(leaveScreen);
	stdout.write(`deckhand: shell in ${name} (exit to return)\n`);
	releaseStdin();
	// Ctrl-C in the shell also signals deckhand (same process group): ignore it meanwhile.
	const interruptListeners = process.listeners('SIGINT');
	process.removeAllListeners('SIGINT');
	const ignore = () => undefined;
	process.on('SIGINT', ignore);
	try {
		const result = await runOnTerminal(command.file, command.args, command.env);
		return result.exitCode === 0 || result.exitCode === 130
			? {text: `shell in ${name} closed`, tone: 'status.info'}
			: {text: `shell in ${name} ended with exit ${result.exitCode ?? '?'}${result.failure ? ` (${result.failure})` : ''}`, tone: 'status.error'};
	} finally {
		process.off('SIGINT', ignore);
		for (const listener of interruptListeners) process.on('SIGINT', listener as NodeJS.SignalsListener);
		reclaimStdin();
		if (fullScreen) stdout.write(enterScreen);
	}
}
