/**
 * Live-container rules on `docker inspect` JSON: the same problems the file rules look for,
 * as the engine actually runs them (image healthchecks and daemon defaults included).
 */
import {containerRules as rules} from './rules.js';
import {finding, type Finding} from './types.js';

/** The parts of `docker inspect` (API 1.41) the rules read. */
export type ContainerInspect = {
	readonly Name: string;
	readonly Config?: {
		readonly User?: string;
		readonly Healthcheck?: {readonly Test?: readonly string[] | null} | null;
		readonly Labels?: Readonly<Record<string, string>> | null;
	} | null;
	readonly HostConfig?: {
		readonly RestartPolicy?: {readonly Name?: string} | null;
		readonly Memory?: number;
		readonly NanoCpus?: number;
		readonly CpuQuota?: number;
		readonly CpuShares?: number;
	} | null;
};

/** The `file` of a container finding: `container:<name>`. */
export const containerSubject = (inspect: ContainerInspect): string => `container:${inspect.Name.replace(/^\//, '')}`;

/** Whether a `Config.User` value means root (empty, `0`, `root`, with or without a group). */
export function isRootUser(user: string | undefined): boolean {
	const name = (user ?? '').split(':')[0]!.trim();
	return name === '' || name === '0' || name === 'root';
}

/** Lints one container. */
export function lintContainer(inspect: ContainerInspect): Finding[] {
	const subject = containerSubject(inspect);
	const name = subject.slice('container:'.length);
	const out: Finding[] = [];
	const test = inspect.Config?.Healthcheck?.Test ?? [];
	if (test.length === 0 || test[0] === 'NONE') out.push(finding(rules.noHealthcheck, subject, 0, `container ${name} has no healthcheck`));
	// Swarm restarts tasks itself; their containers never carry a restart policy.
	const swarmTask = inspect.Config?.Labels?.['com.docker.swarm.task.id'] !== undefined;
	const policy = inspect.HostConfig?.RestartPolicy?.Name ?? '';
	if (!swarmTask && (policy === '' || policy === 'no')) out.push(finding(rules.noRestartPolicy, subject, 0, `container ${name} has no restart policy`));
	const memory = (inspect.HostConfig?.Memory ?? 0) > 0;
	const cpu = (inspect.HostConfig?.NanoCpus ?? 0) > 0 || (inspect.HostConfig?.CpuQuota ?? 0) > 0;
	if (!memory || !cpu) {
		const missing = !memory && !cpu ? 'memory or CPU limit' : !memory ? 'memory limit' : 'CPU limit';
		out.push(finding(rules.noResourceLimits, subject, 0, `container ${name} has no ${missing}`));
	}
	if (isRootUser(inspect.Config?.User)) out.push(finding(rules.runsAsRoot, subject, 0, `container ${name} runs as root`));
	return out;
}

/** Lints running containers from their inspect JSON. */
export function lintContainers(inspects: readonly ContainerInspect[]): Finding[] {
	return inspects.flatMap(lintContainer);
}
