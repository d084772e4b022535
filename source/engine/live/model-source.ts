/**
 * Feeds the pure model reducer from the real engine: one listing (containers, and Swarm
 * services and tasks when Swarm is active), then only the `/events` stream. Each event is
 * applied the moment it arrives; create, start and rename events are followed by one inspect
 * of that container, and events of Swarm task containers, services and nodes re-read the
 * affected service and its tasks (refresh.ts). When the
 * stream drops, it reconnects with backoff and resyncs from a fresh listing. Subscribers get
 * coalesced snapshots (at most one per interval) and the connection state.
 */
import {containerFromInspect, containerFromList, serviceFromList, taskFromList, type InspectedContainer} from '../model/convert.js';
import {createCoalescer, realScheduler, reconnectDelay, sleepUntil, type Scheduler} from '../model/notify.js';
import {applyEvent} from '../model/reducer.js';
import {emptyModel, type ConnectionState, type DockerEvent, type ModelEvent, type ModelSnapshot, type ModelState, type SwarmServiceModel} from '../model/types.js';
import {isNotFound, type EnginePorts, type ListedContainerJson} from '../ports/index.js';
import {watchLiveness, type LivenessOptions} from './liveness.js';
import {createLimiter, eachLimited} from '../limit.js';
import {createContainerRefresher, createServiceSettler} from './refresh.js';

/** The ports the live model reads. */
export type LiveModelPorts = Pick<EnginePorts, 'containers' | 'events' | 'swarm' | 'system'>;

/** A listing's containers by id, with what the listing alone says of each. */
function containersFromList(listed: readonly ListedContainerJson[]): Record<string, ReturnType<typeof containerFromList>> {
	const containers: Record<string, ReturnType<typeof containerFromList>> = {};
	for (const entry of listed) containers[entry.Id] = containerFromList(entry);
	return containers;
}

/**
 * The whole model from one listing: containers (running ones inspected for start time and
 * exact health), plus Swarm services and tasks when this node is an active manager.
 */
export async function readModel(
	ports: Omit<LiveModelPorts, 'events'>,
	concurrency = 8,
	{inspectRunning = true, listed: given}: {readonly inspectRunning?: boolean; readonly listed?: readonly ListedContainerJson[]} = {},
): Promise<ModelState> {
	const [listed, info] = await Promise.all([given ?? ports.containers.list({all: true}), ports.system.info()]);
	const containers = containersFromList(listed);
	const running = inspectRunning ? listed.filter(entry => entry.State === 'running' || entry.State === 'paused' || entry.State === 'restarting') : [];
	await eachLimited(running, concurrency, async entry => {
		try {
			containers[entry.Id] = containerFromInspect((await ports.containers.inspect(entry.Id)) as unknown as InspectedContainer);
		} catch (error) {
			if (!isNotFound(error)) throw error;
			delete containers[entry.Id];
		}
	});
	const swarmActive = info.Swarm?.LocalNodeState === 'active';
	const services: Record<string, SwarmServiceModel> = {};
	const tasks: ModelState['tasks'] = {};
	if (swarmActive && info.Swarm?.ControlAvailable) {
		const [serviceList, taskList] = await Promise.all([ports.swarm.listServices(), ports.swarm.listTasks()]);
		for (const service of serviceList) services[service.ID] = serviceFromList(service);
		for (const task of taskList) (tasks as Record<string, ReturnType<typeof taskFromList>>)[task.ID] = taskFromList(task);
	}
	return {containers, services, tasks, swarmActive};
}

/** Options of a live model. */
export type LiveModelOptions = {
	/** Minimum time between two notifications (default 500 ms). */
	readonly intervalMs?: number;
	/** Longest wait between reconnect attempts (default 5 s). */
	readonly reconnectCapMs?: number;
	readonly scheduler?: Scheduler;
	/** Parallel inspects during a resync (the mode's parallelism). */
	readonly concurrency?: number;
	/** Event types to subscribe to (default container, service, node); add image/volume/network to see those in `onEvent`. */
	readonly eventTypes?: readonly string[];
	/** Sees every event as it arrives (e.g. the console's events line), after the model applied it. */
	readonly onEvent?: (event: DockerEvent) => void;
	/** A listing read just before (the console's early list): shown at once and used as the first sync's listing. */
	readonly seed?: LiveModelSeed;
	/** Liveness pings while the event stream is quiet (liveness.ts); `false` turns them off. */
	readonly liveness?: LivenessOptions | false;
};

/** A container listing and when it was asked for (events from then on are replayed). */
export type LiveModelSeed = {readonly sentAtMs: number; readonly containers: readonly ListedContainerJson[]};

/** The model a seed shows before the first sync: its containers, nothing else yet (pure). */
export function seededModel(seed: LiveModelSeed): ModelState {
	return {...emptyModel, containers: containersFromList(seed.containers)};
}

/** A running live model. */
export type LiveModel = {
	/** The latest snapshot (not throttled). */
	current(): ModelSnapshot;
	/** Calls `listener` with coalesced snapshots until the returned function is called. */
	subscribe(listener: (snapshot: ModelSnapshot) => void): () => void;
	/** Resolves after the first successful sync. */
	readonly ready: Promise<void>;
	/** Stops the stream and timers; the connection becomes `disconnected`. */
	close(): void;
};

/** Starts following the engine; see the file comment for what is read when. */
export function startLiveModel(ports: LiveModelPorts, options: LiveModelOptions = {}): LiveModel {
	const scheduler = options.scheduler ?? realScheduler;
	const controller = new AbortController();
	const listeners = new Set<(snapshot: ModelSnapshot) => void>();
	let seed = options.seed;
	let snapshot: ModelSnapshot = {state: seed ? seededModel(seed) : emptyModel, connection: 'disconnected', version: 0, lastError: null};
	const coalescer = createCoalescer(() => {
		for (const listener of listeners) listener(snapshot);
	}, options.intervalMs ?? 500, scheduler);
	const update = (next: Partial<ModelSnapshot>) => {
		snapshot = {...snapshot, ...next, version: snapshot.version + 1};
		coalescer.changed();
	};
	const apply = (event: ModelEvent) => {
		const state = applyEvent(snapshot.state, event);
		if (state !== snapshot.state) update({state});
	};
	const setConnection = (connection: ConnectionState, lastError: string | null, silentSince?: number) => {
		if (connection !== snapshot.connection || lastError !== snapshot.lastError || silentSince !== snapshot.silentSince) update({connection, lastError, silentSince});
	};

	let markReady: () => void = () => undefined;
	const ready = new Promise<void>(resolve => (markReady = resolve));
	// Each connection gets a generation; reads started for an older one are dropped.
	let generation = 0;
	const sleep = async (ms: number) => sleepUntil(scheduler, ms, controller.signal);
	const limit = createLimiter(options.concurrency ?? 8);
	const refreshers = (mine: number) => {
		const context = {ports, apply, sleep, limit, isCurrent: () => mine === generation && !controller.signal.aborted};
		return {containers: createContainerRefresher(context), services: createServiceSettler(context)};
	};

	/** Applies one event at once, then starts the reads it calls for. */
	const follow = (event: DockerEvent, mine: number, reads: ReturnType<typeof refreshers>) => {
		if (mine !== generation) return;
		const before = snapshot.state;
		apply({kind: 'docker', event});
		options.onEvent?.(event);
		if (event.type === 'container') {
			if (snapshot.state !== before) reads.containers.touch(event.id);
			if (/^(create|start|restart|rename)$/.test(event.action)) reads.containers.request(event.id);
		}
		if (snapshot.state.swarmActive) {
			const serviceId = event.type === 'service' ? event.id : event.attributes['com.docker.swarm.service.id'];
			if (serviceId && !(event.type === 'service' && event.action === 'remove')) reads.services.request(serviceId);
			if (event.type === 'node') for (const id of Object.keys(snapshot.state.services)) reads.services.request(id);
		}
	};

	const run = async () => {
		let attempt = 0;
		while (!controller.signal.aborted) {
			const mine = ++generation;
			const reads = refreshers(mine);
			let heardAt = scheduler.now();
			let resync = false;
			const buffered: DockerEvent[] = [];
			let syncing = true;
			// One controller per attempt, so a stream opened before a failed listing is closed.
			const attemptController = new AbortController();
			const stopAttempt = () => attemptController.abort();
			controller.signal.addEventListener('abort', stopAttempt, {once: true});
			try {
				// Subscribe first, list second, then replay what arrived meanwhile: nothing is missed.
				let opened: () => void = () => undefined;
				const open = new Promise<void>(resolve => (opened = resolve));
				// A seeded first attempt lists nothing: events since the seed's request are replayed
				// (a second early: the engine's clock is the same host's, whole seconds in old engines).
				const used = seed;
				seed = undefined;
				const sinceMs = used ? used.sentAtMs - 1000 : undefined;
				const onEvent = (event: DockerEvent) => {
					heardAt = scheduler.now();
					if (syncing) buffered.push(event);
					else follow(event, mine, reads);
				};
				const stream = ports.events.follow(onEvent, {signal: attemptController.signal, onOpen: opened, types: options.eventTypes, ...(sinceMs === undefined ? {} : {sinceMs})});
				await Promise.race([open, stream]);
				// The listing alone is shown at once (state and health from its status text); the
				// running containers' inspects (start time, exact health) follow through the
				// refresher, so a large engine does not wait for N inspects before its first view.
				const state = await readModel(ports, options.concurrency, {inspectRunning: false, listed: used?.containers});
				apply({kind: 'resync', state});
				syncing = false;
				for (const event of buffered) follow(event, mine, reads);
				for (const container of Object.values(state.containers)) if (/^(running|paused|restarting)$/.test(container.state)) reads.containers.request(container.id);
				setConnection('connected', null);
				attempt = 0;
				markReady();
				// The stream says nothing while a wedged engine holds it open: ping when it is quiet.
				if (options.liveness !== false) {
					void watchLiveness({
						ping: async deadlineMs => ports.system.ping(deadlineMs),
						quietSince: () => heardAt,
						heard: () => (heardAt = scheduler.now()),
						scheduler,
						signal: attemptController.signal,
						options: options.liveness,
						onSilent(since, error) {
							setConnection('unresponsive', error, since);
						},
						onAnswer() {
							// Back: whatever happened while it was silent is read again from a fresh listing.
							resync = true;
							attemptController.abort();
						},
					});
				}
				const end = await stream;
				if (end.reason === 'aborted' && resync && !controller.signal.aborted) {
					setConnection('reconnecting', 'engine answers again; resyncing');
					attempt = 0;
					continue;
				}
				if (end.reason === 'aborted') break;
				setConnection('reconnecting', end.error?.message ?? 'event stream ended');
			} catch (error) {
				if (controller.signal.aborted) break;
				setConnection('reconnecting', (error as Error).message);
			} finally {
				stopAttempt();
				controller.signal.removeEventListener('abort', stopAttempt);
			}
			await sleep(reconnectDelay(attempt++, options.reconnectCapMs));
		}
		generation++;
		setConnection('disconnected', null);
	};
	void run();

	return {
		current: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		ready,
		close() {
			controller.abort();
			coalescer.cancel();
		},
	};
}
