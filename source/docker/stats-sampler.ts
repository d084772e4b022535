/**
 * Choosing how to sample stats: cgroup files when the engine is on this machine (a unix
 * socket that exists here) and the cgroup tree is readable, the API's stats streams otherwise.
 */
import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type {StatsSampler} from '../engine/stats/types.js';
import {hostCgroupFs, type CgroupFs} from './cgroup-read.js';
import {createApiStatsSampler} from './stats-api.js';
import {createCgroupStatsSampler} from './stats-cgroup.js';

/** Which sampler to use: decided from the engine (`auto`) or forced. */
export type SamplerPreference = 'auto' | 'api' | 'cgroup';

/** Whether the engine listens on a unix socket that exists on this machine. */
export function isLocalEngine(docker: Docker): boolean {
	const socketPath = (docker.modem as {socketPath?: unknown}).socketPath;
	if (typeof socketPath !== 'string') return false;
	try {
		return statSync(socketPath).isSocket();
	} catch {
		return false;
	}
}

/** Whether this process can read the cgroup tree (v1 cpuacct or the v2 unified root) and /proc/stat. */
export function canReadCgroups(fs: CgroupFs = hostCgroupFs): boolean {
	try {
		accessSync(path.join(fs.procRoot, 'stat'), constants.R_OK);
		for (const probe of ['cgroup.controllers', 'cpuacct']) {
			try {
				accessSync(path.join(fs.cgroupRoot, probe), constants.R_OK);
				return true;
			} catch {}
		}
		return false;
	} catch {
		return false;
	}
}

/** Creates the sampler that fits this engine (see the module comment). */
export function createStatsSampler(
	docker: Docker,
	options: {readonly prefer?: SamplerPreference; readonly intervalMs?: number; readonly onError?: (id: string, error: unknown) => void} = {},
): StatsSampler {
	const prefer = options.prefer ?? 'auto';
	const api = createApiStatsSampler(docker, {onError: options.onError});
	const useCgroups = prefer === 'cgroup' || (prefer === 'auto' && isLocalEngine(docker) && canReadCgroups());
	return useCgroups ? createCgroupStatsSampler(docker, {fallback: api, intervalMs: options.intervalMs, onError: options.onError}) : api;
}
