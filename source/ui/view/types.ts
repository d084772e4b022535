/**
 * What the console draws, as plain data. The live source (engine model + stats + logs)
 * and the test fake both produce these; components never see dockerode objects. Every
 * string in here is raw: rows sanitise at format time.
 */
import type {OperationEvent, OperationId, OperationResult} from '../../engine/operations/types.js';

/** Health as the product defines it. */
export type Health = 'starting' | 'healthy' | 'unhealthy' | 'none';

/** One container as the lists and tabs need it. */
export type ContainerView = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	/** running, exited, restarting, paused, dead, created. */
	readonly state: string;
	readonly health: Health;
	readonly project?: string;
	readonly service?: string;
	readonly startedAt?: string;
	readonly cpuPercent?: number;
	readonly memoryBytes?: number;
	/** Docker's restart count (restarts by the restart policy). */
	readonly restartCount?: number;
	/** Exit code of the last run, kept while it runs again; null/absent when unknown. */
	readonly lastExitCode?: number | null;
	/** Epoch ms of the last start and exit, when known. */
	readonly startedAtMs?: number | null;
	readonly finishedAtMs?: number | null;
	/** Died several times within a few minutes (engine/model/crash-loop.ts). */
	readonly crashLooping?: boolean;
	/** CPU limit in CPUs, when it has one. */
	readonly cpuLimit?: number | null;
	/** The engine it runs on, when the console watches several (fleet-view.ts). */
	readonly engine?: string;
};

/** A compose service, Swarm service, or their containers grouped. */
export type ServiceView = {
	readonly project: string;
	readonly name: string;
	readonly containerIds: readonly string[];
	readonly running: number;
	readonly desired: number;
	/** A Swarm service (its containers are tasks), as opposed to a compose service. */
	readonly swarm?: boolean;
	readonly health: Health;
	/** The worst state of its containers, for the glyph when there is no healthcheck. */
	readonly state: string;
	readonly cpuPercent?: number;
	readonly memoryBytes?: number;
	/** The container that needs a human most (problems first), whose restarts, exit and uptime the row shows. */
	readonly worst?: ContainerView;
	/** The engine it runs on, when the console watches several. */
	readonly engine?: string;
};

/** Engine facts for the Engine panel. */
export type EngineView = {
	readonly description: string;
	readonly context?: string;
	readonly mode?: string;
	readonly version?: string;
	readonly swarm?: string;
};

/** Connection state: shown, never crashed on. */
export type ConnectionView = {
	/** `silent`: the stream is open but the engine does not answer pings. */
	readonly state: 'connecting' | 'connected' | 'silent' | 'reconnecting';
	readonly detail?: string;
	/** When `silent`: since when (ms since the epoch). */
	readonly since?: number;
};

/** A simple named row for images, volumes and networks. */
export type ResourceView = {
	readonly id: string;
	readonly name: string;
	readonly detail: string;
	/** The engine it is on, when the console watches several. */
	readonly engine?: string;
};

/** One engine of several, as the Engines panel lists it. */
export type FleetEngineView = {
	readonly name: string;
	readonly description: string;
	/** `unreachable`: it has not answered since the console started; `reconnecting`: it did, then went away. */
	readonly state: 'connecting' | 'connected' | 'silent' | 'reconnecting' | 'unreachable';
	readonly detail?: string;
	readonly since?: number;
	readonly context?: string;
	readonly mode?: string;
	readonly version?: string;
	readonly swarm?: string;
	readonly containers: number;
	/** Running containers whose healthcheck fails. */
	readonly unhealthy: number;
};

/** Everything the console shows at one moment. */
export type ConsoleView = {
	readonly engine: EngineView;
	readonly connection: ConnectionView;
	readonly services: readonly ServiceView[];
	/** Containers by id (all of them; standalone ones are those without a service). */
	readonly containers: readonly ContainerView[];
	readonly images: readonly ResourceView[];
	readonly volumes: readonly ResourceView[];
	readonly networks: readonly ResourceView[];
	/** Latest Docker events, newest last, already short text. */
	readonly events: readonly string[];
	/** Set only when several engines are watched: one entry each, in the order given. */
	readonly engines?: readonly FleetEngineView[];
};

/** One log line for the Logs tab. */
export type LogLine = {
	readonly stream: 'stdout' | 'stderr';
	readonly text: string;
	readonly time?: string;
};

/** One stats sample for the Stats tab. */
export type StatsSample = {
	readonly time: number;
	readonly cpuPercent: number;
	readonly memoryBytes: number;
	readonly memoryLimit?: number;
	readonly netRxBytes?: number;
	readonly netTxBytes?: number;
	readonly blockReadBytes?: number;
	readonly blockWriteBytes?: number;
};

/** One healthcheck result for the Health tab. */
export type HealthResult = {
	readonly start: string;
	readonly exitCode: number;
	readonly output: string;
};

/** Inspect facts for the Inspect and Health tabs. */
export type ContainerDetails = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly command: readonly string[];
	readonly env: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
	readonly restartPolicy?: string;
	readonly networkMode?: string;
	readonly mounts: readonly string[];
	readonly ports: readonly string[];
	readonly healthcheck?: string;
	readonly health: readonly HealthResult[];
	readonly state: string;
	readonly startedAt?: string;
	readonly exitCode?: number;
	/** Doctor findings: the container's live config, and its compose project's files when readable. */
	readonly findings?: readonly DoctorFinding[];
};

/** One doctor finding as the Health tab shows it. */
export type DoctorFinding = {readonly rule: string; readonly severity: 'info' | 'warning' | 'error'; readonly where: string; readonly message: string; readonly fix: string};

/** `ps` output for the Top tab. */
export type ProcessTable = {
	readonly titles: readonly string[];
	readonly processes: readonly (readonly string[])[];
};

/** The actions the console can run on a container; absent ones have no key. */
export type ConsoleActions = {
	/**
	 * Runs an operation of the engine's table, the same `run` as `deckhand <command>`; the
	 * source adds the app's abort signal and the read-only flag. Rejects with the operation's error.
	 */
	readonly operate?: (id: OperationId, input: unknown, onEvent: (event: OperationEvent) => void, engine?: string) => Promise<OperationResult>;
	/** The services a restart of `service` takes along (named in R's confirmation); `engine`: whose, of several. */
	readonly dependents?: (project: string, service: string, engine?: string) => Promise<readonly string[]>;
	/** The deploy target directory a container's labels give, if any. */
	readonly deployPath?: (containerId: string) => Promise<string | undefined>;
	/** Directories inside a container starting with `prefix` (deploy path completion). */
	readonly directories?: (containerId: string, prefix: string) => Promise<readonly string[]>;
};

/**
 * Where the console gets its data and runs actions. The live implementation wraps the
 * engine's model, stats feed and log follower; tests pass a fake.
 */
export type ConsoleSource = {
	snapshot(): ConsoleView;
	/**
	 * Calls `listener` after the view changed; returns the unsubscribe function. `urgent` is
	 * true when a container's state or health changed (shown at once; the rest may be batched).
	 */
	subscribe(listener: (urgent?: boolean) => void): () => void;
	/** Follows a container's logs (a bounded tail first) until `signal` aborts. */
	followLogs?(id: string, onLines: (lines: readonly LogLine[]) => void, signal: AbortSignal): void;
	/** Stats history of a container, oldest first (bounded). */
	statsHistory?(id: string): readonly StatsSample[];
	/** Declares which containers are on screen so only their stats stream. */
	watchStats?(ids: readonly string[]): void;
	inspect?(id: string): Promise<ContainerDetails>;
	top?(id: string): Promise<ProcessTable>;
	readonly actions: ConsoleActions;
	/** Aborts the operations in flight; returns a line for each (`restart of api cancelled`). */
	cancelOperations?(): string[];
	/** The command that opens a shell in a container, run with inherited stdio. */
	shellCommand?(id: string): {file: string; args: readonly string[]; env: Readonly<Record<string, string>>} | undefined;
	close(): void;
};
