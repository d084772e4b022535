/**
 * Reading a container's counters straight from its cgroup (v1 or v2) and /proc, which costs
 * the daemon nothing. The filesystem is injected, so fixture directories test it.
 */
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {StatsCounters} from '../engine/ports/wire.js';
import {parseBlkioV1, parseIoStatV2, parseKeyValues, parseNetDev, parseProcCgroup, parseProcStatCpuCount, parseProcStatSystemNs, parseSingleNumber} from './cgroup-parse.js';

/** The files the sampler reads, and where the cgroup and proc trees are mounted. */
export type CgroupFs = {
	readonly cgroupRoot: string;
	readonly procRoot: string;
	readText(file: string): Promise<string>;
	isDirectory(directory: string): Promise<boolean>;
};

/**
 * The host's own /sys/fs/cgroup and /proc. Read synchronously on purpose: these are kernel
 * pseudo-files that never wait on a disk, and skipping the thread pool's round trip per file
 * cuts the sampler's own CPU severalfold.
 */
export const hostCgroupFs: CgroupFs = {
	cgroupRoot: '/sys/fs/cgroup',
	procRoot: '/proc',
	readText: async file => readFileSync(file, 'utf8'),
	isDirectory: async directory => statSync(directory, {throwIfNoEntry: false})?.isDirectory() ?? false,
};

/** Where one container's cgroup lives: one directory per v1 controller, or one v2 directory. */
export type CgroupLocation =
	| {readonly version: 1; readonly cpuacct: string; readonly memory: string; readonly blkio: string; readonly pids: string}
	| {readonly version: 2; readonly directory: string};

const v1Location = (fs: CgroupFs, relative: (controller: string) => string) => ({
	version: 1 as const,
	cpuacct: path.join(fs.cgroupRoot, 'cpuacct', relative('cpuacct')),
	memory: path.join(fs.cgroupRoot, 'memory', relative('memory')),
	blkio: path.join(fs.cgroupRoot, 'blkio', relative('blkio')),
	pids: path.join(fs.cgroupRoot, 'pids', relative('pids')),
});

/** Whether the cgroup tree is the unified v2 hierarchy (not v1 or hybrid). */
export async function isUnifiedHierarchy(fs: CgroupFs): Promise<boolean> {
	return fs.readText(path.join(fs.cgroupRoot, 'cgroup.controllers')).then(
		() => true,
		() => false,
	);
}

/**
 * Finds a container's cgroup: first from /proc/<pid>/cgroup of its main process (which must
 * name the container id, proving we share the daemon's PID namespace), then at the places
 * Docker's cgroupfs and systemd drivers use. Undefined when none is readable.
 */
export async function locateContainerCgroup(fs: CgroupFs, id: string, pid?: number): Promise<CgroupLocation | undefined> {
	const unified = await isUnifiedHierarchy(fs);
	const candidates: CgroupLocation[] = [];
	if (pid && pid > 0) {
		const text = await fs.readText(path.join(fs.procRoot, String(pid), 'cgroup')).catch(() => '');
		if (text.includes(id)) {
			const paths = parseProcCgroup(text);
			if (unified && paths.has('')) candidates.push({version: 2, directory: path.join(fs.cgroupRoot, paths.get('')!)});
			else if (!unified && paths.has('cpuacct') && paths.has('memory')) candidates.push(v1Location(fs, controller => paths.get(controller) ?? paths.get('cpuacct')!));
		}
	}
	for (const relative of [`docker/${id}`, `system.slice/docker-${id}.scope`]) {
		candidates.push(unified ? {version: 2, directory: path.join(fs.cgroupRoot, relative)} : v1Location(fs, () => relative));
	}
	for (const candidate of candidates) {
		if (await fs.isDirectory(candidate.version === 2 ? candidate.directory : candidate.cpuacct)) return candidate;
	}
	return undefined;
}

/** What reading counters needs besides the cgroup: host facts and the main process for network. */
export type CgroupReadOptions = {
	/** The container's main process, for /proc/<pid>/net/dev; omit for host-network containers. */
	readonly netPid?: number;
	/** The host's memory: the limit of a container without one. */
	readonly hostMemory: number;
	readonly ticksPerSecond?: number;
	readonly now?: () => number;
};

const optional = async (fs: CgroupFs, file: string): Promise<string> => fs.readText(file).catch(() => '');

const required = async (fs: CgroupFs, file: string): Promise<number> => {
	const value = parseSingleNumber(await fs.readText(file));
	if (value === undefined) throw new Error(`unreadable number in ${file}`);
	return value;
};

/**
 * Reads one container's counters like Docker's stats would report them. Throws when the
 * cgroup is gone (the container stopped); missing optional controllers read as 0.
 */
export async function readCgroupCounters(fs: CgroupFs, location: CgroupLocation, options: CgroupReadOptions): Promise<StatsCounters> {
	const procStat = await fs.readText(path.join(fs.procRoot, 'stat'));
	const at = (options.now ?? Date.now)();
	const net = options.netPid ? parseNetDev(await optional(fs, path.join(fs.procRoot, String(options.netPid), 'net', 'dev'))) : {rx: 0, tx: 0};
	const host = {systemNs: parseProcStatSystemNs(procStat, options.ticksPerSecond), onlineCpus: parseProcStatCpuCount(procStat) || 1};
	const limitOf = (limit: number | undefined) => (limit === undefined || limit > options.hostMemory ? options.hostMemory : limit);
	const inUse = (usage: number, inactive: number | undefined) => (inactive !== undefined && inactive < usage ? usage - inactive : usage);

	if (location.version === 1) {
		const [cpuNs, usage, memoryStat, limitText, blkioRecursive, pidsText] = await Promise.all([
			required(fs, path.join(location.cpuacct, 'cpuacct.usage')),
			required(fs, path.join(location.memory, 'memory.usage_in_bytes')),
			optional(fs, path.join(location.memory, 'memory.stat')),
			optional(fs, path.join(location.memory, 'memory.limit_in_bytes')),
			optional(fs, path.join(location.blkio, 'blkio.throttle.io_service_bytes_recursive')),
			optional(fs, path.join(location.pids, 'pids.current')),
		]);
		const blkio = parseBlkioV1(blkioRecursive || (await optional(fs, path.join(location.blkio, 'blkio.throttle.io_service_bytes'))));
		const memoryLimit = limitOf(parseSingleNumber(limitText));
		return {
			at,
			cpuNs,
			...host,
			memoryBytes: inUse(usage, parseKeyValues(memoryStat).total_inactive_file),
			memoryLimit,
			netRxBytes: net.rx,
			netTxBytes: net.tx,
			blockReadBytes: blkio.read,
			blockWriteBytes: blkio.write,
			pids: parseSingleNumber(pidsText) ?? 0,
		};
	}

	const directory = location.directory;
	const [cpuStat, usage, memoryStat, maxText, ioStat, pidsText] = await Promise.all([
		fs.readText(path.join(directory, 'cpu.stat')),
		required(fs, path.join(directory, 'memory.current')),
		optional(fs, path.join(directory, 'memory.stat')),
		optional(fs, path.join(directory, 'memory.max')),
		optional(fs, path.join(directory, 'io.stat')),
		optional(fs, path.join(directory, 'pids.current')),
	]);
	const usageUsec = parseKeyValues(cpuStat).usage_usec;
	if (usageUsec === undefined) throw new Error(`no usage_usec in ${path.join(directory, 'cpu.stat')}`);
	const io = parseIoStatV2(ioStat);
	return {
		at,
		cpuNs: usageUsec * 1000,
		...host,
		memoryBytes: inUse(usage, parseKeyValues(memoryStat).inactive_file),
		memoryLimit: limitOf(parseSingleNumber(maxText)),
		netRxBytes: net.rx,
		netTxBytes: net.tx,
		blockReadBytes: io.read,
		blockWriteBytes: io.write,
		pids: parseSingleNumber(pidsText) ?? 0,
	};
}
