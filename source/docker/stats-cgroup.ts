/**
 * The cgroup stats sampler: for an engine on this machine, read each followed container's
 * cgroup files on a timer instead of opening a stats stream (much cheaper for the daemon).
 * Containers whose cgroup cannot be found or read go to the fallback sampler (the API).
 */
import {sleep} from '../engine/wait/clock.js';
import {totalmem} from 'node:os';
import type Docker from 'dockerode';
import type {StatsSampler} from '../engine/stats/types.js';
import {hostCgroupFs, locateContainerCgroup, readCgroupCounters, type CgroupFs} from './cgroup-read.js';
import {waitUntilRunning} from './log-stream.js';

/** How the cgroup sampler reads. */
export type CgroupSamplerOptions = {
	/** Used for containers whose cgroup is not readable from here. */
	readonly fallback: StatsSampler;
	readonly intervalMs?: number;
	readonly fs?: CgroupFs;
	readonly onError?: (id: string, error: unknown) => void;
};

/** A cgroup sampler that can tell which containers it handed to the fallback. */
export type CgroupStatsSampler = StatsSampler & {
	/** Ids being read from cgroup files now. */
	readingCgroups(): string[];
};

/** Waits `ms`, or less when `signal` aborts (the loop then sees the abort and ends). */
const pause = async (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, signal).catch(() => undefined);

/** Creates the cgroup sampler. */
export function createCgroupStatsSampler(docker: Docker, options: CgroupSamplerOptions): CgroupStatsSampler {
	const {fallback, intervalMs = 1000, fs = hostCgroupFs} = options;
	const reading = new Set<string>();

	const run = async (id: string, onCounters: Parameters<StatsSampler['follow']>[1], signal: AbortSignal) => {
		let failures = 0;
		while (!signal.aborted) {
			let info: Docker.ContainerInspectInfo;
			try {
				info = await docker.getContainer(id).inspect({abortSignal: signal});
				failures = 0;
			} catch (error) {
				if (signal.aborted || (error as {statusCode?: number}).statusCode === 404) return;
				// The daemon is away (restarting?): try again with backoff, 1 s doubling to 10 s.
				options.onError?.(id, error);
				await pause(Math.min(10_000, 1000 * 2 ** failures++), signal);
				continue;
			}
			if (!info.State?.Running) {
				if ((await waitUntilRunning(docker, id, signal).catch(() => 'gone' as const)) === 'gone') return;
				continue;
			}
			const fullId = info.Id;
			const location = await locateContainerCgroup(fs, fullId, info.State.Pid);
			if (!location) {
				fallback.follow(id, onCounters, signal);
				return;
			}
			const netPid = info.HostConfig?.NetworkMode === 'host' ? undefined : info.State.Pid;
			reading.add(id);
			try {
				// Read until the cgroup goes away (the container stopped), then look again.
				while (!signal.aborted) {
					onCounters(await readCgroupCounters(fs, location, {netPid, hostMemory: totalmem()}));
					await pause(intervalMs, signal);
				}
			} catch {
				// The cgroup vanished: the container stopped. Let the daemon catch up, then look again.
				await pause(250, signal);
			} finally {
				reading.delete(id);
			}
		}
	};

	return {
		kind: 'cgroup',
		follow(id, onCounters, signal) {
			void run(id, onCounters, signal);
		},
		readingCgroups: () => [...reading],
	};
}
