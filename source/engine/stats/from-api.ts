/**
 * Reading the JSON of Docker's `/containers/{id}/stats` (cgroup v1 and v2 daemons) into
 * counters, pure.
 */
import {computeStats} from './compute.js';
import type {ContainerStats, StatsCounters} from './types.js';

type CpuJson = {
	cpu_usage?: {total_usage?: number; percpu_usage?: number[]};
	system_cpu_usage?: number;
	online_cpus?: number;
};

/** The parts of Docker's stats JSON deckhand reads. */
export type DockerStatsJson = {
	read?: string;
	preread?: string;
	cpu_stats?: CpuJson;
	precpu_stats?: CpuJson;
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}>;
	blkio_stats?: {io_service_bytes_recursive?: Array<{op?: string; value?: number}> | null};
	pids_stats?: {current?: number};
};

/**
 * Memory in use like the docker CLI: usage minus the inactive file cache (`total_inactive_file`
 * on cgroup v1, `inactive_file` on v2), when that is smaller than usage.
 */
export function memoryInUse(memory: DockerStatsJson['memory_stats']): number {
	const usage = memory?.usage ?? 0;
	const stats = memory?.stats ?? {};
	const inactive = 'total_inactive_file' in stats ? stats.total_inactive_file! : (stats.inactive_file ?? 0);
	return inactive < usage ? usage - inactive : usage;
}

/** Bytes read and written, summed over devices (`op` is `Read` on v1 and `read` on v2). */
export function blockIo(blkio: DockerStatsJson['blkio_stats']): {read: number; write: number} {
	let read = 0;
	let write = 0;
	for (const entry of blkio?.io_service_bytes_recursive ?? []) {
		const op = entry.op?.toLowerCase();
		if (op === 'read') read += entry.value ?? 0;
		else if (op === 'write') write += entry.value ?? 0;
	}
	return {read, write};
}

/** Received and sent bytes, summed over the container's interfaces. */
export function networkIo(networks: DockerStatsJson['networks']): {rx: number; tx: number} {
	let rx = 0;
	let tx = 0;
	for (const entry of Object.values(networks ?? {})) {
		rx += entry.rx_bytes ?? 0;
		tx += entry.tx_bytes ?? 0;
	}
	return {rx, tx};
}

const onlineCpus = (cpu: CpuJson | undefined): number => cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;

/** Parses Docker's RFC 3339 time (`0001-01-01...` means unset) to ms, or undefined. */
function readTime(text: string | undefined): number | undefined {
	if (!text || text.startsWith('0001-')) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

/** The counters of one stats JSON document (its `cpu_stats` reading). */
export function countersFromApi(json: DockerStatsJson, fallbackAt = 0): StatsCounters {
	const block = blockIo(json.blkio_stats);
	const net = networkIo(json.networks);
	return {
		at: readTime(json.read) ?? fallbackAt,
		cpuNs: json.cpu_stats?.cpu_usage?.total_usage ?? 0,
		systemNs: json.cpu_stats?.system_cpu_usage,
		onlineCpus: onlineCpus(json.cpu_stats),
		memoryBytes: memoryInUse(json.memory_stats),
		memoryLimit: json.memory_stats?.limit ?? 0,
		netRxBytes: net.rx,
		netTxBytes: net.tx,
		blockReadBytes: block.read,
		blockWriteBytes: block.write,
		pids: json.pids_stats?.current ?? 0,
	};
}

/**
 * The previous CPU reading Docker ships in the same document (`precpu_stats`), or undefined
 * on the first document of a stream, where it is empty.
 */
export function previousCountersFromApi(json: DockerStatsJson): StatsCounters | undefined {
	const pre = json.precpu_stats;
	if (pre?.system_cpu_usage === undefined) return undefined;
	const current = countersFromApi(json);
	return {...current, at: readTime(json.preread) ?? current.at, cpuNs: pre.cpu_usage?.total_usage ?? 0, systemNs: pre.system_cpu_usage, onlineCpus: onlineCpus(pre)};
}

/** The `docker stats` figures of one stats JSON document on its own (uses its precpu reading). */
export function statsFromApi(id: string, json: DockerStatsJson): ContainerStats {
	return computeStats(id, previousCountersFromApi(json), countersFromApi(json));
}
