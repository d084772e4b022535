/**
 * What the engine reads from an inspected container, pure: the health log with its
 * configuration (reload and deploy readiness) and the state probes judge. One place maps
 * Docker's inspect JSON; every wait reads through it.
 */
import type {ContainerInspectJson} from '../ports/index.js';
import type {ContainerState} from '../wait/types.js';

/** One healthcheck run, as Docker logged it. */
export type HealthRun = {readonly start: number; readonly end: number; readonly exitCode: number; readonly output: string};

/** A container's state with its healthcheck history (Docker keeps the last 5 runs). */
export type ContainerHealthState = {
	readonly id: string;
	readonly running: boolean;
	readonly exitCode: number;
	readonly startedAt: string;
	readonly health?: {readonly status: string; readonly failingStreak: number; readonly retries: number; readonly startPeriodMs: number; readonly runs: readonly HealthRun[]};
};

const epoch = (text: string | undefined) => {
	const ms = text ? Date.parse(text) : Number.NaN;
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
};

/** A disabled healthcheck (`NONE`) counts as none. */
const checkOf = (info: ContainerInspectJson) => (info.Config.Healthcheck?.Test?.[0] === 'NONE' ? undefined : info.Config.Healthcheck ?? undefined);

/** Whether the container has a healthcheck of its own or its image's (`NONE` disables it). */
export const hasHealthcheck = (info: Pick<ContainerInspectJson, 'Config'>): boolean => (info.Config.Healthcheck?.Test?.[0] ?? 'NONE') !== 'NONE';

/** The health Docker reports; Podman's `Health: {Status: ""}` for a container without a healthcheck counts as none. */
const reportedHealth = (info: ContainerInspectJson) => (info.State.Health?.Status ? info.State.Health : undefined);

/** The state and health log of an inspect. */
export function healthStateOf(info: ContainerInspectJson): ContainerHealthState {
	const health = reportedHealth(info);
	const check = checkOf(info);
	return {
		id: info.Id,
		running: info.State.Running,
		exitCode: info.State.ExitCode,
		startedAt: info.State.StartedAt,
		health:
			health && info.Config.Healthcheck?.Test?.[0] !== 'NONE'
				? {
						status: health.Status,
						failingStreak: health.FailingStreak,
						retries: check?.Retries || 3,
						startPeriodMs: (check?.StartPeriod ?? 0) / 1e6,
						runs: (health.Log ?? []).map(run => ({start: Date.parse(run.Start), end: Date.parse(run.End), exitCode: run.ExitCode, output: run.Output.trim()})),
					}
				: undefined,
	};
}

/**
 * When the current healthy run began: the end of the first passing check after the last
 * failing one in Docker's health log (oldest first). Undefined when the newest check failed
 * or the log is empty. Docker keeps five runs, so a long healthy run reads as its oldest kept pass.
 */
export function healthySince(log: ReadonlyArray<{readonly End: string; readonly ExitCode: number}>): number | undefined {
	let since: number | undefined;
	for (const run of log) since = run.ExitCode === 0 ? (since ?? (epoch(run.End) || undefined)) : undefined;
	return since;
}

/** The state readiness probes judge (health, exit, start time, published tcp ports). */
export function probeStateOf(info: ContainerInspectJson): ContainerState {
	const health = reportedHealth(info);
	const publishedPorts: Record<number, number> = {};
	for (const [key, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
		const [port, protocol] = key.split('/');
		const host = bindings?.find(binding => binding.HostPort)?.HostPort;
		if (protocol === 'tcp' && host) publishedPorts[Number(port)] = Number(host);
	}
	return {
		running: info.State.Running,
		status: info.State.Status,
		exitCode: info.State.ExitCode,
		startedAt: epoch(info.State.StartedAt),
		health: health
			? {status: health.Status, failingStreak: health.FailingStreak, retries: info.Config.Healthcheck?.Retries || 3, lastOutput: health.Log?.at(-1)?.Output.trim(), readySince: healthySince(health.Log ?? [])}
			: undefined,
		publishedPorts,
		restartsWithDaemon: ['always', 'unless-stopped'].includes(info.HostConfig?.RestartPolicy?.Name ?? ''),
	};
}
