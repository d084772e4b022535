/**
 * The console's source on a real engine: containers and resources kept current from the
 * event stream (a re-list per burst of events, never a timer poll of the list), stats
 * sampled only for containers on screen, logs followed on demand, actions through the
 * engine's lifecycle functions. Reconnects with backoff and says so instead of crashing.
 */
import type {EngineConnection} from '../../docker/client.js';
import {
	type ContainerFacts, type EngineEvent, followContainerLogs, followEvents, inspectContainer, listContainerFacts,
	listResources, readEngineFacts, statsSample, topContainer,
} from '../../docker/console-engine.js';
import {restartContainer, startContainer, stopContainer} from '../../engine/actions/lifecycle.js';
import {OperationFailedError, UsageError} from '../../engine/errors.js';
import {Label} from '../../engine/labels.js';
import type {ConsoleSource, ConsoleView, ContainerView, LogLine, StatsSample} from '../view/types.js';
import {detailsFrom} from './container-details.js';
import {engineActions} from './engine-actions.js';
import {groupServices, serviceOf} from './group-services.js';

/** Tunables, shrunk by tests. */
export type LiveSourceOptions = {
	readonly mode?: string;
	readonly context?: string;
	readonly statsIntervalMs?: number;
	readonly statsHistory?: number;
	readonly maxEvents?: number;
	/** Least time between two container re-lists caused by events. */
	readonly relistGapMs?: number;
	/** Stats history to start from (the chart process gets the console's). */
	readonly seedHistory?: Readonly<Record<string, readonly StatsSample[]>>;
};

const backoff = (attempt: number) => Math.min(5000, 250 * 2 ** attempt);

/** Creates and starts a live source; `close()` stops every stream and timer. */
export function createLiveSource(connection: EngineConnection, options: LiveSourceOptions = {}): ConsoleSource {
	const {docker} = connection;
	const controller = new AbortController();
	const {signal} = controller;
	const listeners = new Set<(urgent?: boolean) => void>();
	const statsEvery = options.statsIntervalMs ?? 2000;
	const historyLength = options.statsHistory ?? 90;
	let facts: ContainerFacts[] = [];
	let view: ConsoleView = {
		engine: {description: connection.description, context: options.context, mode: options.mode},
		connection: {state: 'connecting'},
		services: [], containers: [], images: [], volumes: [], networks: [], events: [],
	};
	const history = new Map<string, StatsSample[]>(Object.entries(options.seedHistory ?? {}).map(([id, samples]) => [id, [...samples]]));
	const previous = new Map<string, {cpuTotal: number; systemTotal: number}>();
	let watched: readonly string[] = [];

	const notify = (urgent = false) => {
		for (const listener of listeners) listener(urgent);
	};
	const rebuild = (urgent = false) => {
		const containers: ContainerView[] = facts.map(fact => {
			const membership = serviceOf(fact.labels);
			const last = history.get(fact.id)?.at(-1);
			const running = fact.state === 'running';
			return {
				id: fact.id, name: fact.name, image: fact.image, state: fact.state, health: fact.health,
				project: membership?.project, service: membership?.service,
				cpuPercent: running ? last?.cpuPercent : undefined, memoryBytes: running ? last?.memoryBytes : undefined,
			};
		});
		const swarmTasks = new Set(facts.filter(fact => fact.labels[Label.swarmTaskId]).map(fact => fact.id));
		view = {...view, containers, services: groupServices(containers, container => swarmTasks.has(container.id))};
		notify(urgent);
	};

	let recentEvents: Array<{event: EngineEvent; seen: number}> = [];
	const eventTrustMs = 2000;
	let listing: Promise<void> | undefined;
	let listAgain = false;
	const refreshContainers = async (): Promise<void> => {
		if (listing) {
			listAgain = true;
			return listing;
		}
		listing = (async () => {
			do {
				listAgain = false;
				const listed = await listContainerFacts(docker);
				// The daemon emits `die` a moment before its list says so: events seen in the
				// last moments win over a list that may predate them.
				recentEvents = recentEvents.filter(recent => Date.now() - recent.seen < eventTrustMs);
				facts = recentEvents.reduce((current, recent) => patchFromEvent(current, recent.event), listed);
				rebuild();
			} while (listAgain && !signal.aborted);
		})().finally(() => {
			listing = undefined;
		});
		return listing;
	};
	// Events come in bursts (a compose up, a busy CI on the same engine): re-list at most once
	// per `relistGapMs`; what an event itself says is applied at once meanwhile (patchFromEvent).
	const relistGapMs = options.relistGapMs ?? 1000;
	let lastRelist = 0;
	let relistTimer: NodeJS.Timeout | undefined;
	const scheduleRelist = () => {
		if (relistTimer || signal.aborted) return;
		const wait = lastRelist + relistGapMs - Date.now();
		const relist = () => {
			relistTimer = undefined;
			lastRelist = Date.now();
			void refreshContainers().catch(() => undefined);
		};
		if (wait <= 0) relist();
		else relistTimer = setTimeout(relist, wait);
	};
	const refreshResources = async () => {
		// Await before spreading: `view` may have changed meanwhile (containers listed).
		const resources = await listResources(docker);
		view = {...view, ...resources};
		notify();
	};

	let resourceTimer: NodeJS.Timeout | undefined;
	const onEvent = (event: EngineEvent) => {
		// Healthchecks run as execs: exec_create/start/die every interval for every checked
		// container. They change nothing the console shows (health_status does), so they
		// neither re-list nor take over the events line.
		if (event.type === 'container' && event.action.startsWith('exec_')) return;
		const text = `${new Date(event.time || Date.now()).toISOString().slice(11, 19)} ${event.type} ${event.action} ${event.name || event.id.slice(0, 12)}`;
		view = {...view, events: [...view.events, text].slice(-(options.maxEvents ?? 20))};
		if (event.type === 'container') {
			// Apply what the event says at once (a death is on screen without waiting for the
			// list), then re-list to pick up everything else.
			recentEvents = [...recentEvents.filter(recent => Date.now() - recent.seen < eventTrustMs), {event, seen: Date.now()}];
			const patched = patchFromEvent(facts, event);
			if (patched !== facts) {
				facts = patched;
				rebuild(true);
			}
			scheduleRelist();
		}
		else if (['image', 'volume', 'network'].includes(event.type)) resourceTimer ??= setTimeout(() => {
			resourceTimer = undefined;
			void refreshResources().catch(() => undefined);
		}, 500);
		notify();
	};

	// Events first, then the lists, so nothing that happens in between is missed.
	const eventLoop = async () => {
		for (let attempt = 0; !signal.aborted; ) {
			try {
				const engine = await readEngineFacts(docker);
				const streaming = followEvents(docker, onEvent, signal);
				await Promise.all([refreshContainers(), refreshResources()]);
				view = {...view, engine: {...view.engine, ...engine}, connection: {state: 'connected'}};
				notify();
				attempt = 0;
				await streaming;
			} catch (error) {
				view = {...view, connection: {state: 'reconnecting', detail: (error as Error).message}};
				notify();
			}
			if (signal.aborted) break;
			view = {...view, connection: {state: 'reconnecting', detail: view.connection.detail ?? 'event stream ended'}};
			notify();
			await new Promise(resolve => setTimeout(resolve, backoff(attempt++)));
		}
	};
	void eventLoop();

	const sampleStats = async () => {
		const running = new Set(facts.filter(fact => fact.state === 'running').map(fact => fact.id));
		const ids = watched.filter(id => running.has(id));
		for (let index = 0; index < ids.length && !signal.aborted; index += 8) {
			await Promise.all(ids.slice(index, index + 8).map(async id => {
				try {
					const raw = await statsSample(docker, id);
					const before = previous.get(id);
					previous.set(id, {cpuTotal: raw.cpuTotal, systemTotal: raw.systemTotal});
					const cpuDelta = before ? raw.cpuTotal - before.cpuTotal : 0;
					const systemDelta = before ? raw.systemTotal - before.systemTotal : 0;
					const sample: StatsSample = {
						time: Date.now(),
						cpuPercent: systemDelta > 0 && cpuDelta >= 0 ? (cpuDelta / systemDelta) * raw.onlineCpus * 100 : 0,
						memoryBytes: raw.memoryBytes, memoryLimit: raw.memoryLimit || undefined,
						netRxBytes: raw.netRx, netTxBytes: raw.netTx, blockReadBytes: raw.blockRead, blockWriteBytes: raw.blockWrite,
					};
					const list = [...(history.get(id) ?? []), sample];
					history.set(id, list.slice(-historyLength));
				} catch {
					// A container that just died has no stats; the next event re-lists it.
				}
			}));
		}
		if (ids.length > 0) rebuild();
	};
	let statsTimer: NodeJS.Timeout | undefined;
	const statsLoop = () => {
		statsTimer = setTimeout(() => void sampleStats().finally(() => !signal.aborted && statsLoop()), statsEvery);
	};
	statsLoop();

	return {
		snapshot: () => view,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		watchStats(ids) {
			watched = ids;
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
			const follow = async () => {
				for (let attempt = 0; !logSignal.aborted && !signal.aborted; attempt++) {
					await followContainerLogs(docker, id, line => {
						batch.push(line);
						timer ??= setTimeout(flush, 100);
					}, AbortSignal.any([logSignal, signal]), attempt === 0 ? 200 : 0).catch(() => undefined);
					// The stream ends when the container stops; follow again once it may be back.
					await new Promise(resolve => setTimeout(resolve, backoff(Math.min(attempt, 3))));
				}
			};
			void follow();
			logSignal.addEventListener('abort', () => timer && clearTimeout(timer), {once: true});
		},
		inspect: async id => detailsFrom(await inspectContainer(docker, id)),
		top: id => topContainer(docker, id),
		actions: {
			// Reload, deploy, rollback and scale: the engine functions the subcommands use, loaded on first use.
			...engineActions(docker),
			restart: (id, actionSignal) => restartContainer(docker, id, {signal: actionSignal}),
			stop: (id, actionSignal) => stopContainer(docker, id, {signal: actionSignal}),
			start: (id, actionSignal) => startContainer(docker, id, {signal: actionSignal}),
			// Compose-level actions load their engine modules on first use (start-up stays light).
			async restartWithDependents(project, service, actionSignal) {
				const {restartServices} = await import('../../engine/actions/compose/restart.js');
				const result = await restartServices(docker, project, [service], {withDependents: true, signal: actionSignal});
				if (!result.ok) throw new OperationFailedError(`${result.failed?.step.id ?? service}: ${result.failed?.failure.message ?? 'failed'}`);
			},
			async upProject(project, actionSignal) {
				const labelled = facts.find(fact => fact.labels[Label.composeProject] === project && fact.labels[Label.composeConfigFiles]);
				if (!labelled) throw new UsageError(`project ${project}: its containers do not name the compose files they came from`);
				const [{loadCompose}, {upProject}] = await Promise.all([import('../../engine/compose/load.js'), import('../../engine/actions/compose/up.js')]);
				const loaded = loadCompose({files: labelled.labels[Label.composeConfigFiles]!.split(','), cwd: labelled.labels[Label.composeWorkingDir], projectName: project});
				const result = await upProject(docker, loaded, {signal: actionSignal});
				if (!result.ok) throw new OperationFailedError(`${result.failed?.step.id ?? project}: ${result.failed?.failure.message ?? 'failed'}`);
			},
		},
		shellCommand: id => ({file: 'docker', args: ['exec', '-it', id, 'sh'], env: {DOCKER_HOST: connection.host}}),
		close() {
			controller.abort();
			if (statsTimer) clearTimeout(statsTimer);
			if (resourceTimer) clearTimeout(resourceTimer);
			if (relistTimer) clearTimeout(relistTimer);
			listeners.clear();
		},
	};
}

/**
 * The container facts after one container event, as far as the event alone tells (pure).
 * Docker sends no event when a healthcheck starts over: a container that had a health
 * state and (re)starts is `starting` until its next health_status event.
 */
export function patchFromEvent(facts: readonly ContainerFacts[], event: EngineEvent): ContainerFacts[] {
	const health = /^health_status: (healthy|unhealthy|starting)$/.exec(event.action)?.[1] as ContainerFacts['health'] | undefined;
	const state = {die: 'exited', kill: undefined, start: 'running', pause: 'paused', unpause: 'running', restart: 'running'}[event.action as 'die'];
	if (!health && !state) return facts as ContainerFacts[];
	const restarted = event.action === 'start' || event.action === 'restart';
	return facts.map(fact => {
		if (fact.id !== event.id) return fact;
		const checked = restarted && fact.health !== 'none' ? {health: 'starting' as const} : {};
		return {...fact, ...(state ? {state} : {}), ...checked, ...(health ? {health} : {})};
	});
}
