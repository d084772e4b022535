/**
 * The console's source on a real engine: containers and services from the engine's live
 * model (startLiveModel: one listing, then events, reconnecting with backoff), stats from
 * the engine's stats hub streamed only for containers on screen, logs followed on demand by
 * the engine's log follower, actions through the engine's operations table. The same
 * engine modules the subcommands use. Says when the engine is away instead of crashing.
 */
import {startLiveModel, type LiveModelSeed} from '../../engine/live/model-source.js';
import {followLogs as followEngineLogs, logCapabilities} from '../../engine/logs/follow.js';
import {readEngineFacts} from '../../engine/mode/engine-mode.js';
import type {EnginePorts} from '../../engine/ports/index.js';
import {createEngineStatsHub} from '../../engine/stats/engine-hub.js';
import type {DockerEvent} from '../../engine/model/types.js';
import type {StatsUpdate} from '../../engine/stats/hub.js';
import type {ConnectionView, ConsoleSource, ConsoleView, LogLine, StatsSample} from '../view/types.js';
import {detailsFrom, doctorFindings} from './container-details.js';
import {engineActions} from './engine-actions.js';
import {containersFromModel} from './containers-view.js';

export {containersFromModel} from './containers-view.js';

/** The engine the console shows: its ports (built by the console's start-up) and how it was reached. */
export type ConsoleEngine = {
	readonly ports: EnginePorts;
	/** e.g. `unix:///var/run/docker.sock (DOCKER_HOST)`. */
	readonly description: string;
	/** The DOCKER_HOST-style URL (for the `docker exec` shell). */
	readonly host: string;
};

/** Tunables, shrunk by tests. */
export type LiveSourceOptions = {
	/** The engine mode, or its detection still running (shown when it settles). */
	readonly mode?: string | Promise<string>;
	/** A container listing already read (the console's early list): the model starts from it. */
	readonly seed?: LiveModelSeed;
	readonly context?: string;
	readonly statsIntervalMs?: number;
	readonly statsHistory?: number;
	readonly maxEvents?: number;
	/** The app's signal: aborted on quit, it cancels the running operations. */
	readonly signal?: AbortSignal;
	/** Started with --read-only: the operations refuse to change the engine. */
	readonly readOnly?: boolean;
	/** Stats history to start from (the chart process gets the console's). */
	readonly seedHistory?: Readonly<Record<string, readonly StatsSample[]>>;
};

/** The text of one event on the events line, or undefined for events the console skips (healthcheck execs). */
export function eventLine(event: DockerEvent): string | undefined {
	// Healthchecks run as execs: exec_create/start/die every interval for every checked
	// container. They change nothing the console shows (health_status does).
	// `top` is the console's own Top tab asking; neither is news to the person watching.
	if (event.action.startsWith('exec_') || event.action === 'top') return undefined;
	return `${new Date(event.time || Date.now()).toISOString().slice(11, 19)} ${event.type} ${event.action} ${event.attributes.name || event.id.slice(0, 12)}`;
}

/** Creates and starts a live source; `close()` stops every stream and timer. */
export function createLiveSource(connection: ConsoleEngine, options: LiveSourceOptions = {}): ConsoleSource {
	const {ports} = connection;
	// Linked to the app's signal: quitting aborts everything this source runs; close() too.
	const controller = new AbortController();
	const {signal} = controller;
	if (options.signal?.aborted) controller.abort();
	options.signal?.addEventListener('abort', () => controller.abort(), {once: true});
	const operations = engineActions(ports, {signal, readOnly: options.readOnly, mode: typeof options.mode === 'string' ? options.mode : undefined});
	const listeners = new Set<(urgent?: boolean) => void>();
	const statsEvery = options.statsIntervalMs ?? 2000;
	const historyLength = options.statsHistory ?? 90;
	let view: ConsoleView = {
		engine: {description: connection.description, context: options.context, mode: typeof options.mode === 'string' ? options.mode : undefined},
		connection: {state: 'connecting'},
		services: [], containers: [], images: [], volumes: [], networks: [], events: [],
	};
	const history = new Map<string, StatsSample[]>(Object.entries(options.seedHistory ?? {}).map(([id, samples]) => [id, [...samples]]));
	let watched: readonly string[] = [];

	const notify = (urgent = false) => {
		for (const listener of listeners) listener(urgent);
	};

	const refreshResources = async () => {
		// Await before spreading: `view` may have changed meanwhile (containers updated).
		const resources = await ports.system.resources();
		view = {...view, ...resources};
		notify();
	};
	// The header's engine facts are read once per connection; `connected` shows with them.
	let engineRead = false;
	// An engine that did not answer at start (one of several) reads its facts when it first connects.
	let factsFailed = false;
	const refreshEngine = async () => {
		try {
			const engine = await readEngineFacts(ports);
			view = {...view, engine: {...view.engine, ...engine}};
			factsFailed = false;
		} catch (error) {
			factsFailed = true;
			throw error;
		} finally {
			engineRead = true;
			rebuild();
		}
	};

	let resourceTimer: NodeJS.Timeout | undefined;
	const onEvent = (event: DockerEvent) => {
		const text = eventLine(event);
		if (!text) return;
		view = {...view, events: [...view.events, text].slice(-(options.maxEvents ?? 20))};
		if (event.type === 'container') {
			// The model applied the event already: a death or health change is drawn at once,
			// not at the model's next coalesced snapshot.
			const model = live.current().state.containers[event.id];
			const shown = view.containers.find(container => container.id === event.id);
			if (model && shown && (model.state !== shown.state || model.health !== shown.health)) {
				rebuild(true);
				return;
			}
		} else if (['image', 'volume', 'network'].includes(event.type)) resourceTimer ??= setTimeout(() => {
			resourceTimer = undefined;
			void refreshResources().catch(() => undefined);
		}, 500);
		notify();
	};

	// Unthrottled here: the console's view hook is the one throttle between the model and the screen.
	const live = startLiveModel(ports, {intervalMs: 0, eventTypes: ['container', 'service', 'node', 'image', 'volume', 'network'], onEvent, seed: options.seed});
	if (options.mode && typeof options.mode !== 'string') {
		void options.mode.then(mode => {
			if (signal.aborted) return;
			view = {...view, engine: {...view.engine, mode}};
			notify();
		}, () => undefined);
	}
	let everConnected = false;
	let lastConnected = false;
	// Rows are derived from the model only when the view is read (the view hook's throttle decides
	// how often), so an event storm costs one selector run per frame, not one per event.
	let rowsStale = true;
	const current = (): ConsoleView => {
		if (rowsStale) {
			rowsStale = false;
			view = {...view, ...containersFromModel(live.current().state, id => history.get(id) ?? [])};
		}
		return view;
	};
	const rebuild = (urgent = false) => {
		const snapshot = live.current();
		rowsStale = true;
		// `connecting` until the first sync; then the model's state (`disconnected` comes only after close).
		const state: ConnectionView['state'] = snapshot.connection === 'connected' ? (engineRead ? 'connected' : 'connecting') : snapshot.connection === 'unresponsive' ? 'silent' : snapshot.connection === 'reconnecting' || everConnected ? 'reconnecting' : 'connecting';
		const connectionView: ConnectionView = state === 'connected' ? {state} : {state, ...(snapshot.lastError ? {detail: snapshot.lastError} : {}), ...(state === 'silent' ? {since: snapshot.silentSince} : {})};
		// A change of connection state (connected at start, lost, back) is drawn at once too.
		const changed = state !== view.connection.state;
		view = {...view, connection: connectionView};
		notify(urgent || changed);
	};
	live.subscribe(snapshot => {
		const connected = snapshot.connection === 'connected';
		if (connected && !lastConnected) {
			// Reconnected: engine facts and resources may have changed while away (the first
			// connection read its facts while the model was listing, below).
			if (everConnected || factsFailed) void refreshEngine().catch(() => undefined);
			void refreshResources().catch(() => undefined);
		}
		lastConnected = connected;
		everConnected ||= connected;
		rebuild();
	});

	void refreshEngine().catch(() => undefined);

	// Stats stream only for the containers on screen (watchStats); the hub batches them.
	const logs = logCapabilities(ports);
	const stats = createEngineStatsHub(ports, {intervalMs: statsEvery, historySize: historyLength});
	let unwatch: (() => void) | undefined;
	const onStats = (update: StatsUpdate) => {
		for (const figures of update.stats.values()) {
			const sample: StatsSample = {
				time: figures.at, cpuPercent: figures.cpuPercent, memoryBytes: figures.memoryBytes, memoryLimit: figures.memoryLimit || undefined,
				netRxBytes: figures.netRxBytes, netTxBytes: figures.netTxBytes, blockReadBytes: figures.blockReadBytes, blockWriteBytes: figures.blockWriteBytes,
			};
			const list = history.get(figures.id) ?? [];
			if (list.at(-1)?.time === sample.time) continue;
			history.set(figures.id, [...list, sample].slice(-historyLength));
		}
		if (update.stats.size > 0) rebuild();
	};

	return {
		snapshot: current,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		watchStats(ids) {
			if (signal.aborted || (ids.length === watched.length && ids.every((id, index) => id === watched[index]))) return;
			watched = ids;
			// Subscribe before unsubscribing, so containers still on screen keep their streams.
			const before = unwatch;
			unwatch = ids.length > 0 ? stats.subscribe(ids, onStats) : undefined;
			before?.();
			for (const id of history.keys()) if (!ids.includes(id)) history.delete(id);
		},
		statsHistory: id => history.get(id) ?? [],
		followLogs(id, onLines, logSignal) {
			let batch: LogLine[] = [];
			let timer: NodeJS.Timeout | undefined;
			const flush = () => {
				timer = undefined;
				const lines = batch;
				batch = [];
				if (lines.length > 0 && !logSignal.aborted) onLines(lines);
			};
			// The engine's follower: a bounded tail first, then across restarts from the last line seen.
			void followEngineLogs(logs, id, {
				follow: true, tail: 200, signal: AbortSignal.any([logSignal, signal]),
				onLines(lines) {
					for (const line of lines) batch.push({stream: line.stream === 'stderr' ? 'stderr' : 'stdout', text: line.text, ...(line.timestamp ? {time: line.timestamp} : {})});
					timer ??= setTimeout(flush, 100);
				},
			}).catch(() => undefined);
			logSignal.addEventListener('abort', () => timer && clearTimeout(timer), {once: true});
		},
		inspect: async id => {
			const info = await ports.containers.inspect(id);
			return {...detailsFrom(info), findings: doctorFindings(info)};
		},
		top: async id => ports.containers.top(id),
		// Every key that acts on the engine runs an operation of the engine's table (engine-actions.ts).
		actions: operations.actions,
		cancelOperations: operations.cancelOperations,
		shellCommand: id => ({file: 'docker', args: ['exec', '-it', id, 'sh'], env: {DOCKER_HOST: connection.host}}),
		close() {
			controller.abort();
			live.close();
			unwatch?.();
			stats.close();
			if (resourceTimer) clearTimeout(resourceTimer);
			listeners.clear();
		},
	};
}
