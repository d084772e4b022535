/**
 * The maths of `docker stats`, pure: CPU % from two counter readings, memory % of the limit.
 */
import type {ContainerStats, StatsCounters} from './types.js';

/**
 * CPU % between two readings: (container CPU delta ÷ host CPU delta) × CPUs × 100, as the
 * docker CLI computes it. Without host CPU counters, wall time × CPUs stands in for the host
 * delta. 0 when there is no previous reading or time did not move.
 */
export function cpuPercent(previous: StatsCounters | undefined, current: StatsCounters): number {
	if (!previous) return 0;
	const cpuDelta = current.cpuNs - previous.cpuNs;
	const systemDelta =
		current.systemNs !== undefined && previous.systemNs !== undefined
			? current.systemNs - previous.systemNs
			: (current.at - previous.at) * 1e6 * current.onlineCpus;
	if (cpuDelta <= 0 || systemDelta <= 0) return 0;
	return (cpuDelta / systemDelta) * current.onlineCpus * 100;
}

/** Memory in use as a % of the limit (0 when the limit is unknown). */
export function memoryPercent(memoryBytes: number, memoryLimit: number): number {
	return memoryLimit > 0 ? (memoryBytes / memoryLimit) * 100 : 0;
}

/** The `docker stats` figures of one container from its latest reading and the one before. */
export function computeStats(id: string, previous: StatsCounters | undefined, current: StatsCounters): ContainerStats {
	return {
		id,
		at: current.at,
		cpuPercent: cpuPercent(previous, current),
		memoryBytes: current.memoryBytes,
		memoryLimit: current.memoryLimit,
		memoryPercent: memoryPercent(current.memoryBytes, current.memoryLimit),
		netRxBytes: current.netRxBytes,
		netTxBytes: current.netTxBytes,
		blockReadBytes: current.blockReadBytes,
		blockWriteBytes: current.blockWriteBytes,
		pids: current.pids,
	};
}
