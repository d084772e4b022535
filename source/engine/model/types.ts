/**
 * The engine-side live model: containers, Swarm services and their tasks, as plain
 * immutable data keyed by id. Built from one listing, then kept current from events by
 * `applyEvent` (reducer.ts). No UI, no Docker client.
 */

/** Health as Docker reports it; `none` when the container has no healthcheck. */
export type Health = 'starting' | 'healthy' | 'unhealthy' | 'none';

/** Docker's container states. */
export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** One container as the model keeps it. */
export type ContainerModel = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly state: ContainerState;
	readonly health: Health;
	/**
	 * True when the container has a healthcheck (known after inspect, or from a reported
	 * health). A container known only from its create event reads false (and health `none`)
	 * until its inspect lands, usually within milliseconds.
	 */
	readonly healthcheck: boolean;
	readonly labels: Readonly<Record<string, string>>;
	/** Compose project or Swarm stack, from labels. */
	readonly project: string | null;
	/** Compose service or Swarm service name, from labels. */
	readonly service: string | null;
	/** Epoch ms. */
	readonly createdAt: number;
	/** Epoch ms of the last start, null when never started or unknown. */
	readonly startedAt: number | null;
	readonly exitCode: number | null;
	/**
	 * The exit code of the last run, kept across restarts (a crash-looping container is
	 * running again but its last exit still matters). Null when it never exited while watched
	 * and inspect could not tell. Absent in models built before this field existed.
	 */
	readonly lastExitCode?: number | null;
	/** Epoch ms of the last exit, null when unknown. */
	readonly finishedAt?: number | null;
	/** Docker's RestartCount (restarts by the restart policy since the last manual start). */
	readonly restartCount?: number;
	/** Epoch ms of the die events seen recently, oldest first (bounded; crash-loop.ts). */
	readonly recentDies?: readonly number[];
	/** The CPU limit in CPUs (`--cpus`, or quota/period), null when unlimited. */
	readonly cpuLimit?: number | null;
};

/** A Swarm service. */
export type SwarmServiceModel = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly mode: 'replicated' | 'global';
	/** Desired replicas (replicated mode), null for global. */
	readonly replicas: number | null;
	readonly labels: Readonly<Record<string, string>>;
	/** `com.docker.stack.namespace`, when deployed as a stack. */
	readonly stack: string | null;
};

/** A Swarm task (one slot of a service). */
export type SwarmTaskModel = {
	readonly id: string;
	readonly serviceId: string;
	readonly slot: number | null;
	readonly nodeId: string | null;
	readonly state: string;
	readonly desiredState: string;
	readonly containerId: string | null;
	readonly message: string;
};

/** The whole model. */
export type ModelState = {
	readonly containers: Readonly<Record<string, ContainerModel>>;
	readonly services: Readonly<Record<string, SwarmServiceModel>>;
	readonly tasks: Readonly<Record<string, SwarmTaskModel>>;
	readonly swarmActive: boolean;
};

/** The model before anything is known. */
export const emptyModel: ModelState = {containers: {}, services: {}, tasks: {}, swarmActive: false};

/** One Docker event, normalised (`time` in epoch ms). */
export type DockerEvent = {
	readonly type: string;
	readonly action: string;
	readonly id: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly time: number;
};

/** Everything the reducer understands: raw Docker events plus facts the integration layer read. */
export type ModelEvent =
	| {readonly kind: 'docker'; readonly event: DockerEvent}
	/** Full facts of one container, read by inspect after a create/start/rename event. */
	| {readonly kind: 'container-facts'; readonly container: ContainerModel}
	/** The container is gone (inspect answered 404). */
	| {readonly kind: 'container-gone'; readonly id: string}
	/** One service re-read with its tasks; `service` null when it no longer exists. */
	| {readonly kind: 'service-facts'; readonly serviceId: string; readonly service: SwarmServiceModel | null; readonly tasks: readonly SwarmTaskModel[]}
	/** A fresh listing replaces everything (start and every reconnect). */
	| {readonly kind: 'resync'; readonly state: ModelState};

/** Connection to the event stream, as subscribers see it; `unresponsive`: connected, but the engine does not answer pings. */
export type ConnectionState = 'connected' | 'unresponsive' | 'reconnecting' | 'disconnected';

/** What subscribers receive: the model, the connection state and a change counter. */
export type ModelSnapshot = {
	readonly state: ModelState;
	readonly connection: ConnectionState;
	/** Increments with every applied change; equal versions mean equal models. */
	readonly version: number;
	/** Why the connection is not `connected`, when it is not. */
	readonly lastError: string | null;
	/** When `unresponsive`: when the first unanswered ping was sent (ms since the epoch). */
	readonly silentSince?: number;
};
