/**
 * What the Swarm engine code sees of services and tasks, and the small capability set it
 * needs from the daemon (implemented in source/docker/swarm.ts). Nothing here assumes one
 * node: tasks carry their node, readiness reads task state (Swarm reports a task `running`
 * only once its container's healthcheck passed) instead of inspecting local containers.
 */
import type Docker from 'dockerode';

/** A Swarm service spec as the Engine API takes it. */
export type ServiceSpec = Docker.CreateServiceOptions;

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

/** Daemon calls the Swarm engine uses. */
export type SwarmCapabilities = {
	findService(name: string): Promise<SwarmService | undefined>;
	/** Services labelled with a stack namespace (`com.docker.stack.namespace`). */
	stackServices(namespace: string): Promise<SwarmService[]>;
	createService(spec: ServiceSpec): Promise<string>;
	updateService(id: string, version: number, spec: ServiceSpec): Promise<void>;
	tasks(serviceName: string): Promise<SwarmTask[]>;
	/** Creates an attachable overlay network unless one of that name exists. */
	ensureOverlayNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
};
