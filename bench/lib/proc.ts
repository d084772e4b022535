/**
 * Reads what a process costs from Linux's /proc: CPU time (utime + stime) and peak memory
 * (VmHWM). The parsers are pure and tested by equality; the readers touch /proc only.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (almost always 100). */
export const clockTicks = (): number => Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;

/**
 * utime + stime in clock ticks from the text of /proc/<pid>/stat. The command name (field 2)
 * may hold spaces and parentheses, so fields are counted from the last `)`.
 */
export function parseCpuTicks(stat: string): number {
	const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
	// After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
	return Number(fields[11]) + Number(fields[12]);
}

/** A `Vm...:   1234 kB` value of /proc/<pid>/status, in bytes (undefined when absent). */
export function parseStatusBytes(status: string, field: string): number | undefined {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	return match ? Number(match[1]) * 1024 : undefined;
}

/** CPU ticks a process has used so far. */
export const cpuTicks = (pid: number): number => parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Peak resident memory (VmHWM) of a process in bytes. */
export const peakRss = (pid: number): number | undefined => parseStatusBytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM');

/** Percent of one core a process used between two tick readings `elapsedMs` apart. */
export const cpuPercent = (ticksBefore: number, ticksAfter: number, elapsedMs: number, ticksPerSecond: number): number =>
	((ticksAfter - ticksBefore) / ticksPerSecond / (elapsedMs / 1000)) * 100;

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Resident memory now (VmRSS) of a process in bytes. */
export const currentRss = (pid: number): number | undefined => parseStatusBytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');

/** The nearest-rank `p`-th percentile (0–100) of some numbers (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The private engine's dockerd pid (DECKHAND_DAEMON_PIDFILE, else the engine script's), or undefined. */
export function daemonPid(pidFile = process.env.DECKHAND_DAEMON_PIDFILE ?? '/tmp/deckhand-engine/dockerd.pid'): number | undefined {
	try {
		return Number(readFileSync(pidFile, 'utf8').trim()) || undefined;
	} catch {
		return undefined;
	}
}

/** dockerd's CPU % of a core over the next `ms` (NaN when its pid file is not readable). */
export async function daemonCpuOver(ms: number, ticksPerSecond: number): Promise<number> {
	const pid = daemonPid();
	if (!pid) return Number.NaN;
	const before = cpuTicks(pid);
	const start = performance.now();
	await new Promise(resolve => setTimeout(resolve, ms));
	return cpuPercent(before, cpuTicks(pid), performance.now() - start, ticksPerSecond);
}
