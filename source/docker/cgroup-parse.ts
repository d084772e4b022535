/**
 * Parsers for the cgroup and /proc files the cgroup stats sampler reads, pure: each takes a
 * file's text and returns numbers, so fixture files test them by equality.
 */

/** `key value` lines (memory.stat, cpu.stat) as a record of numbers. */
export function parseKeyValues(text: string): Record<string, number> {
	const result: Record<string, number> = {};
	for (const line of text.split('\n')) {
		const [key, value] = line.trim().split(/\s+/);
		if (key && value !== undefined && /^\d+$/.test(value)) result[key] = Number(value);
	}
	return result;
}

/** A single-number file (cpuacct.usage, memory.current, pids.current); `max` and garbage are undefined. */
export function parseSingleNumber(text: string): number | undefined {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** cgroup v1 blkio.throttle.io_service_bytes(_recursive): `MAJ:MIN Read N` lines summed per op. */
export function parseBlkioV1(text: string): {read: number; write: number} {
	let read = 0;
	let write = 0;
	for (const line of text.split('\n')) {
		const [device, op, value] = line.trim().split(/\s+/);
		if (!device?.includes(':') || value === undefined) continue;
		if (op === 'Read') read += Number(value);
		else if (op === 'Write') write += Number(value);
	}
	return {read, write};
}

/** cgroup v2 io.stat: `MAJ:MIN rbytes=N wbytes=N ...` lines summed over devices. */
export function parseIoStatV2(text: string): {read: number; write: number} {
	let read = 0;
	let write = 0;
	for (const line of text.split('\n')) {
		for (const field of line.trim().split(/\s+/).slice(1)) {
			const [key, value] = field.split('=');
			if (key === 'rbytes') read += Number(value);
			else if (key === 'wbytes') write += Number(value);
		}
	}
	return {read, write};
}

/**
 * The host's cumulative CPU time from /proc/stat's `cpu` line, in nanoseconds, as Docker
 * computes `system_cpu_usage` (the sum of the first eight fields: user … steal, in clock ticks).
 */
export function parseProcStatSystemNs(text: string, ticksPerSecond = 100): number | undefined {
	const line = text.split('\n').find(candidate => candidate.startsWith('cpu '));
	if (!line) return undefined;
	const ticks = line.trim().split(/\s+/).slice(1, 9).reduce((sum, field) => sum + Number(field), 0);
	return Number.isFinite(ticks) ? (ticks * 1e9) / ticksPerSecond : undefined;
}

/** CPUs online from /proc/stat's `cpuN` lines. */
export function parseProcStatCpuCount(text: string): number {
	return text.split('\n').filter(line => /^cpu\d+\s/.test(line)).length;
}

/** /proc/<pid>/net/dev: received and sent bytes summed over interfaces, loopback excluded like Docker. */
export function parseNetDev(text: string): {rx: number; tx: number} {
	let rx = 0;
	let tx = 0;
	for (const line of text.split('\n').slice(2)) {
		const colon = line.indexOf(':');
		if (colon === -1) continue;
		const name = line.slice(0, colon).trim();
		if (name === 'lo') continue;
		const fields = line.slice(colon + 1).trim().split(/\s+/);
		rx += Number(fields[0] ?? 0);
		tx += Number(fields[8] ?? 0);
	}
	return {rx, tx};
}

/**
 * /proc/<pid>/cgroup: controller → path. v1 lines are `N:cpu,cpuacct:/path`; the v2 line
 * `0::/path` is stored under the empty controller name.
 */
export function parseProcCgroup(text: string): Map<string, string> {
	const result = new Map<string, string>();
	for (const line of text.split('\n')) {
		const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
		if (!match) continue;
		if (match[1] === '') result.set('', match[2]!);
		else for (const controller of match[1]!.split(',')) result.set(controller, match[2]!);
	}
	return result;
}
