/**
 * The cgroup stats sampler: for an engine on this machine, read each followed container's
 * cgroup files on a timer instead of opening a stats stream (much cheaper for the daemon).
 * Containers whose cgroup cannot be found or read go to the fallback sampler (the API).
 */
import {waitUntilRunning} from '../containers/wait-running.js';
import {isNotFound, type ContainerInspectJson, type EnginePorts} from '../ports/index.js';
import {backoffDelay} from '../wait/backoff.js';
import {sleep} from '../wait/clock.js';
import type {StatsSampler} from './types.js';

/** How the cgroup sampler reads. */
export type CgroupSamplerOptions = {
	/** Used for containers whose cgroup is not readable from here. */
	readonly fallback: StatsSampler;
	readonly intervalMs?: number;
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
export function createCgroupStatsSampler(ports: Pick<EnginePorts, 'cgroup' | 'containers' | 'events'>, options: CgroupSamplerOptions): CgroupStatsSampler {
	const {fallback, intervalMs = 1000} = options;
	const reading = new Set<string>();

	const run = async (id: string, onCounters: Parameters<StatsSampler['follow']>[1], signal: AbortSignal) => {
		let failures = 0;
		while (!signal.aborted) {
			let info: ContainerInspectJson;
			try {
				info = await ports.containers.inspect(id, {signal});
				failures = 0;
			} catch (error) {
				if (signal.aborted || isNotFound(error)) return;
				// The daemon is away (restarting?): try again with backoff, 1 s doubling to 10 s.
				options.onError?.(id, error);
				await pause(backoffDelay(failures++, 0.5, {startMs: 1000, capMs: 10_000, jitter: 0}), signal);
				continue;
			}
			if (!info.State?.Running) {
				if ((await waitUntilRunning(ports, id, signal).catch(() => 'gone' as const)) === 'gone') return;
				continue;
			}
			const fullId = info.Id;
			const location = await ports.cgroup.locate(fullId, info.State.Pid);
			if (!location) {
				fallback.follow(id, onCounters, signal);
				return;
			}
			const netPid = info.HostConfig?.NetworkMode === 'host' ? undefined : info.State.Pid;
			reading.add(id);
			try {
				// Read until the cgroup goes away (the container stopped), then look again.
				while (!signal.aborted) {
					onCounters(await ports.cgroup.read(location, {netPid}));
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
