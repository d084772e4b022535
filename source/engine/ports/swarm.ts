/**
 * The swarm port: services, tasks and overlay networks as the Swarm engine code and the
 * live model use them. Nothing here assumes one node: tasks carry their node.
 */
import type {ListedService, ListedTask} from '../model/convert.js';

/** A Swarm service spec as the Engine API takes it (the parts deckhand reads are typed). */
export type ServiceSpec = {
	readonly Name?: string;
	readonly Labels?: Record<string, string>;
	readonly TaskTemplate?: {readonly ForceUpdate?: number; readonly ContainerSpec?: unknown; readonly [key: string]: unknown};
	readonly Mode?: {readonly Replicated?: {readonly Replicas?: number}; readonly Global?: object};
	readonly [key: string]: unknown;
};

/** One service, as inspected. */
export type SwarmService = {
	readonly id: string;
	readonly name: string;
	readonly version: number;
	readonly spec: ServiceSpec;
	/** Desired replicas (replicated mode); undefined for global services. */
	readonly replicas?: number;
	readonly forceUpdate: number;
	/** UpdateStatus.State: updating, paused, completed, rollback_started, ... */
	readonly updateState?: string;
	readonly updateMessage?: string;
	readonly labels: Readonly<Record<string, string>>;
};

/** One task of a service. */
export type SwarmTask = {
	readonly id: string;
	readonly slot?: number;
	readonly nodeId?: string;
	readonly desiredState: string;
	/** new, pending, assigned, preparing, starting, running, complete, failed, shutdown, rejected, orphaned... */
	readonly state: string;
	/** Epoch ms of the last state change (for `running`: when it became running, i.e. healthy). */
	readonly sinceMs: number;
	readonly message: string;
	readonly error?: string;
	readonly exitCode?: number;
	readonly containerId?: string;
	/** The task template the task was created from (to tell old tasks from new ones). */
	readonly spec: unknown;
	readonly forceUpdate: number;
};

/** Swarm. */
export type SwarmPort = {
	/** A service by name or id; undefined when there is none (or this engine is no manager). */
	findService(name: string): Promise<SwarmService | undefined>;
	/** Services labelled with a stack namespace (`com.docker.stack.namespace`). */
	stackServices(namespace: string): Promise<SwarmService[]>;
	createService(spec: ServiceSpec): Promise<string>;
	updateService(id: string, version: number, spec: ServiceSpec): Promise<void>;
	/** Tasks of a service (by name or id). */
	tasks(service: string): Promise<SwarmTask[]>;
	/** Creates an attachable overlay network unless one of that name exists. */
	ensureOverlayNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
	/** Every service, as listed (for the live model). */
	listServices(): Promise<ListedService[]>;
	/** Every task, or one service's, as listed (for the live model). */
	listTasks(serviceId?: string): Promise<ListedTask[]>;
	/** One service as inspected (for the live model); rejects with 404 when gone. */
	inspectService(id: string): Promise<ListedService>;
};
