/**
 * The containers port: what the engine may ask of containers (list, inspect, create, the
 * lifecycle calls, output, processes). Shapes are Docker's JSON, typed only as far as the
 * engine reads them, so the engine needs no client types. source/docker/containers.ts
 * implements it; tests hand the engine fakes.
 */
import type {ListedContainer} from '../model/convert.js';

/** A listed container (the list endpoint's JSON, the fields the engine reads): the model's own type. */
export type ListedContainerJson = ListedContainer;

/** One health log entry as Docker writes it. */
export type HealthLogJson = {readonly Start: string; readonly End: string; readonly ExitCode: number; readonly Output: string};

/** An inspected container (the inspect endpoint's JSON, the fields the engine reads). */
export type ContainerInspectJson = {
	readonly Id: string;
	readonly Name: string;
	readonly Created?: string;
	readonly Image?: string;
	readonly RestartCount?: number;
	readonly State: {
		readonly Status: string;
		readonly Running: boolean;
		readonly Paused?: boolean;
		readonly Restarting?: boolean;
		readonly ExitCode: number;
		readonly StartedAt: string;
		readonly FinishedAt?: string;
		readonly Pid?: number;
		readonly Health?: {readonly Status: string; readonly FailingStreak: number; readonly Log?: readonly HealthLogJson[] | null};
	};
	readonly Config: {
		readonly Image: string;
		readonly Labels?: Record<string, string> | null;
		readonly Env?: string[] | null;
		readonly Cmd?: string[] | null;
		readonly Entrypoint?: string | string[] | null;
		readonly User?: string;
		readonly Tty?: boolean;
		readonly StopSignal?: string;
		readonly StopTimeout?: number;
		readonly Healthcheck?: {readonly Test?: string[]; readonly Interval?: number; readonly Timeout?: number; readonly StartPeriod?: number; readonly Retries?: number} | null;
	};
	readonly HostConfig: {
		readonly NetworkMode?: string;
		readonly PortBindings?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		readonly RestartPolicy?: {readonly Name?: string; readonly MaximumRetryCount?: number};
		readonly Memory?: number;
		readonly NanoCpus?: number;
		readonly CpuQuota?: number;
		readonly CpuShares?: number;
	};
	readonly NetworkSettings?: {readonly Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null};
	readonly Mounts?: ReadonlyArray<{readonly Type?: string; readonly Name?: string; readonly Source?: string; readonly Destination: string; readonly RW?: boolean}>;
};

/** What to create: Docker's create body (the fields deckhand sets). */
export type ContainerCreateSpec = {
	readonly name?: string;
	readonly Image?: string;
	readonly Cmd?: string[];
	readonly Entrypoint?: string[];
	readonly Env?: string[];
	readonly Labels?: Record<string, string>;
	readonly User?: string;
	readonly WorkingDir?: string;
	readonly StopSignal?: string;
	readonly StopTimeout?: number;
	readonly ExposedPorts?: Record<string, object>;
	readonly Healthcheck?: {readonly Test?: string[]; readonly Interval?: number; readonly Timeout?: number; readonly StartPeriod?: number; readonly Retries?: number};
	readonly HostConfig?: {
		readonly NetworkMode?: string;
		readonly PortBindings?: Record<string, Array<{HostIp?: string; HostPort?: string}>>;
		readonly Mounts?: ReadonlyArray<{readonly Type: string; readonly Source?: string; readonly Target: string; readonly ReadOnly?: boolean}>;
		readonly RestartPolicy?: {readonly Name: string; readonly MaximumRetryCount?: number};
		readonly Memory?: number;
		readonly NanoCpus?: number;
		readonly LogConfig?: {readonly Type: string; readonly Config: Record<string, string>};
	};
	readonly NetworkingConfig?: {readonly EndpointsConfig: Record<string, {readonly Aliases?: string[]}>};
};

/** Which containers to list. */
export type ContainerFilter = {
	/** Stopped ones too (default true). */
	readonly all?: boolean;
	/** Label filters: `key=value` or `key`, all must hold. */
	readonly labels?: readonly string[];
	/** Docker states to keep (`running`, `exited`...). */
	readonly status?: readonly string[];
	readonly signal?: AbortSignal;
};

/** How long a stop may take and how it asks: Docker's grace period and stop signal. */
export type StopOptions = {
	/** Seconds before Docker kills; default the container's own StopTimeout. */
	readonly timeoutSeconds?: number;
	/** Signal sent first (default the container's StopSignal). */
	readonly signal?: string;
};

/** A container's processes (`docker top`). */
export type ProcessTable = {readonly titles: string[]; readonly processes: string[][]};

/**
 * Containers: the engine's one way to list, read and act on containers. Start, stop,
 * restart and remove are idempotent (already in the wanted state is fine); a missing
 * container rejects with an error whose `statusCode` is 404 (see `isNotFound`).
 */
export type ContainersPort = {
	list(filter?: ContainerFilter): Promise<ListedContainerJson[]>;
	inspect(id: string, options?: {readonly signal?: AbortSignal}): Promise<ContainerInspectJson>;
	create(spec: ContainerCreateSpec): Promise<string>;
	start(id: string): Promise<void>;
	stop(id: string, options?: StopOptions): Promise<void>;
	restart(id: string, options?: {readonly timeoutSeconds?: number}): Promise<void>;
	/** Sends a signal (e.g. SIGHUP) to the main process. */
	kill(id: string, signal: string): Promise<void>;
	/** Removes (forced); anonymous volumes too with `volumes`; already gone is fine. */
	remove(id: string, options?: {readonly volumes?: boolean}): Promise<void>;
	/** Resolves with the exit code once the container has exited. */
	wait(id: string, signal?: AbortSignal): Promise<number>;
	/** The container's output so far, raw: multiplexed frames unless `tty`. */
	logs(id: string, options: {readonly sinceEpochMs?: number; readonly tail?: number}): Promise<{readonly tty: boolean; readonly data: Buffer}>;
	top(id: string): Promise<ProcessTable>;
};

/** Whether an adapter's error means "no such object" (HTTP 404). */
export const isNotFound = (error: unknown): boolean => (error as {statusCode?: number} | undefined)?.statusCode === 404;
