/**
 * The stats port (Docker's stats endpoint) and the cgroup port (a local engine's cgroup
 * files, much cheaper for the daemon). The samplers that drive them live in engine/stats.
 */
import type {DockerStatsJson} from '../stats/from-api.js';
import type {StatsCounters} from '../stats/types.js';

/** Stats through the API. */
export type StatsPort = {
	/** One container's `/stats?stream=true` as raw NDJSON chunks, until `signal` aborts or it ends. */
	stream(id: string, signal: AbortSignal): Promise<AsyncIterable<Buffer>>;
	/** One `docker stats --no-stream` reading; undefined when it is not running or gone. */
	readOnce(id: string, signal?: AbortSignal): Promise<DockerStatsJson | undefined>;
};

/** Where one container's cgroup lives (opaque to the engine). */
export type CgroupLocation = {readonly cgroup: unknown};

/** Cgroup files of containers on this machine. */
export type CgroupPort = {
	/** Whether the engine runs on this machine and its cgroup tree is readable here. */
	usable(): boolean;
	/** Finds a running container's cgroup (full id, main pid); undefined when not readable. */
	locate(id: string, pid?: number): Promise<CgroupLocation | undefined>;
	/** Reads its counters now; rejects when the cgroup is gone (the container stopped). */
	read(location: CgroupLocation, options: {readonly netPid?: number}): Promise<StatsCounters>;
};
