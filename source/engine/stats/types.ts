/**
 * Stats shapes shared by the samplers (Docker API streams, cgroup files) and the hub:
 * cumulative counters read at one instant, and the figures `docker stats` shows.
 */

/** Cumulative counters read at one instant; the difference of two makes the CPU figure. */
export type StatsCounters = {
	/** When they were read (ms since the epoch). */
	readonly at: number;
	/** The container's cumulative CPU time, nanoseconds. */
	readonly cpuNs: number;
	/** The host's cumulative CPU time over all CPUs, nanoseconds (`system_cpu_usage`); undefined when unknown. */
	readonly systemNs?: number;
	/** CPUs online on the host. */
	readonly onlineCpus: number;
	/** Memory in use, without the inactive file cache (what `docker stats` shows). */
	readonly memoryBytes: number;
	/** The container's memory limit, or the host's memory when it has none. */
	readonly memoryLimit: number;
	readonly netRxBytes: number;
	readonly netTxBytes: number;
	readonly blockReadBytes: number;
	readonly blockWriteBytes: number;
	readonly pids: number;
};

/** The figures for one container at one instant, computed like `docker stats`. */
export type ContainerStats = {
	readonly id: string;
	readonly at: number;
	/** 100 means one full CPU (so a busy 2-CPU container reads 200). */
	readonly cpuPercent: number;
	readonly memoryBytes: number;
	readonly memoryLimit: number;
	readonly memoryPercent: number;
	readonly netRxBytes: number;
	readonly netTxBytes: number;
	readonly blockReadBytes: number;
	readonly blockWriteBytes: number;
	readonly pids: number;
};

/**
 * A source of counters for containers: the Docker API (one stats stream each) or cgroup
 * files read directly. `follow` delivers counters until `signal` aborts; it retries by itself
 * across container restarts and reports failures to `onError` without throwing.
 */
export type StatsSampler = {
	readonly kind: 'api' | 'cgroup';
	follow(id: string, onCounters: (counters: StatsCounters) => void, signal: AbortSignal): void;
};
