/**
 * The cgroup port: for an engine on this machine (a unix socket that exists here) whose
 * cgroup tree is readable, containers' counters straight from their cgroup files.
 */
import {accessSync, constants, statSync} from 'node:fs';
import {totalmem} from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type {CgroupLocation as PortLocation, CgroupPort} from '../engine/ports/index.js';
import {hostCgroupFs, locateContainerCgroup, readCgroupCounters, type CgroupFs, type CgroupLocation} from './cgroup-read.js';

/** Whether the engine listens on a unix socket that exists on this machine. */
export function isLocalEngine(docker: Docker): boolean {
	const socketPath = (docker.modem as {socketPath?: unknown} | undefined)?.socketPath;
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

/** The cgroup port for one client (`fs` for fixture trees). */
export function cgroupAdapter(docker: Docker, fs: CgroupFs = hostCgroupFs): CgroupPort {
	return {
		usable: () => isLocalEngine(docker) && canReadCgroups(fs),
		async locate(id, pid) {
			const cgroup = await locateContainerCgroup(fs, id, pid);
			return cgroup ? {cgroup} : undefined;
		},
		read: async (location: PortLocation, options) => readCgroupCounters(fs, location.cgroup as CgroupLocation, {netPid: options.netPid, hostMemory: totalmem()}),
	};
}
