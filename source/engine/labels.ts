/**
 * deckhand's per-service settings live on the container (or Swarm service) as labels, so any
 * action can read them from what is running, whoever started it. `deckhand up` writes them
 * from a service's `x-deckhand:` block:
 *
 * ```yaml
 * x-deckhand:
 *   ready:  {exec: "test -f /tmp/ok", tcp: 8080, http: "8080/healthz", http_status: "200-399",
 *            log: "listening on", uptime: 5s, timeout: 2m}
 *   reload: {method: signal, signal: SIGHUP, touch: /app/.reload, exec: "kill -HUP 1"}
 *   deploy: {path: /app, keep: 5}
 * ```
 * becomes `deckhand.ready.exec=...`, `deckhand.reload.method=signal`, `deckhand.deploy.path=/app`...
 */
import {parseDuration} from './duration.js';

/** Label names, one place. */
export const Label = {
	readyExec: 'deckhand.ready.exec',
	readyTcp: 'deckhand.ready.tcp',
	readyHttp: 'deckhand.ready.http',
	readyHttpStatus: 'deckhand.ready.http_status',
	readyLog: 'deckhand.ready.log',
	readyUptime: 'deckhand.ready.uptime',
	readyTimeout: 'deckhand.ready.timeout',
	reloadMethod: 'deckhand.reload.method',
	reloadSignal: 'deckhand.reload.signal',
	reloadTouch: 'deckhand.reload.touch',
	reloadExec: 'deckhand.reload.exec',
	deployPath: 'deckhand.deploy.path',
	deployKeep: 'deckhand.deploy.keep',
	composeProject: 'com.docker.compose.project',
	composeService: 'com.docker.compose.service',
	composeNumber: 'com.docker.compose.container-number',
	composeOneoff: 'com.docker.compose.oneoff',
	composeConfigHash: 'com.docker.compose.config-hash',
	composeDependsOn: 'com.docker.compose.depends_on',
	composeWorkingDir: 'com.docker.compose.project.working_dir',
	composeConfigFiles: 'com.docker.compose.project.config_files',
	stackNamespace: 'com.docker.stack.namespace',
	swarmServiceName: 'com.docker.swarm.service.name',
	swarmServiceId: 'com.docker.swarm.service.id',
	swarmTaskId: 'com.docker.swarm.task.id',
} as const;

/** The sections and keys an `x-deckhand:` block may have. */
export const xDeckhandKeys: Readonly<Record<string, readonly string[]>> = {
	ready: ['exec', 'tcp', 'http', 'http_status', 'log', 'uptime', 'timeout'],
	reload: ['method', 'signal', 'touch', 'exec'],
	deploy: ['path', 'keep'],
};

/** How a service is reloaded. */
export type ReloadMethod = 'signal' | 'touch' | 'exec' | 'restart';

/** Settings read back from labels. */
export type ServiceSettings = {
	readonly ready: {
		readonly exec?: string;
		readonly tcp?: number;
		readonly http?: {readonly port: number; readonly path: string};
		readonly httpStatus: readonly [number, number];
		readonly log?: string;
		readonly uptimeMs?: number;
		readonly timeoutMs?: number;
	};
	readonly reload: {
		readonly method: ReloadMethod;
		readonly signal: string;
		readonly touch?: string;
		readonly exec?: string;
	};
	readonly deploy: {readonly path?: string; readonly keep: number};
};

/**
 * Flattens an `x-deckhand:` block into labels; returns the problems (unknown section or key)
 * instead of throwing so the compose reader can report them with file:line.
 */
export function xDeckhandToLabels(block: unknown): {labels: Record<string, string>; problems: string[]} {
	const labels: Record<string, string> = {};
	const problems: string[] = [];
	if (block === null || block === undefined) return {labels, problems};
	if (typeof block !== 'object' || Array.isArray(block)) return {labels, problems: ['x-deckhand must be a mapping']};
	for (const [section, value] of Object.entries(block)) {
		const keys = xDeckhandKeys[section];
		if (!keys) {
			problems.push(`unknown x-deckhand section "${section}" (expected ${Object.keys(xDeckhandKeys).join(', ')})`);
			continue;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			problems.push(`x-deckhand.${section} must be a mapping`);
			continue;
		}
		for (const [key, setting] of Object.entries(value)) {
			if (!keys.includes(key)) {
				problems.push(`unknown key x-deckhand.${section}.${key} (expected ${keys.join(', ')})`);
				continue;
			}
			labels[`deckhand.${section}.${key}`] = String(setting);
		}
	}
	return {labels, problems};
}

const reloadMethods: readonly ReloadMethod[] = ['signal', 'touch', 'exec', 'restart'];

/** Reads a service's settings from its labels, with defaults (reload by SIGHUP, keep 5). */
export function readServiceSettings(labels: Readonly<Record<string, string>> = {}): ServiceSettings {
	const number = (value: string | undefined) => (value === undefined || !/^\d+$/.test(value) ? undefined : Number(value));
	const http = labels[Label.readyHttp]?.match(/^(\d+)(\/.*)?$/);
	const status = labels[Label.readyHttpStatus]?.match(/^(\d{3})(?:-(\d{3}))?$/);
	const method = labels[Label.reloadMethod] as ReloadMethod | undefined;
	const uptime = labels[Label.readyUptime];
	const timeout = labels[Label.readyTimeout];
	return {
		ready: {
			exec: labels[Label.readyExec],
			tcp: number(labels[Label.readyTcp]),
			http: http ? {port: Number(http[1]), path: http[2] ?? '/'} : undefined,
			httpStatus: status ? [Number(status[1]), Number(status[2] ?? status[1])] : [200, 399],
			log: labels[Label.readyLog],
			uptimeMs: uptime === undefined ? undefined : parseDuration(uptime),
			timeoutMs: timeout === undefined ? undefined : parseDuration(timeout),
		},
		reload: {
			method: method && reloadMethods.includes(method) ? method : labels[Label.reloadTouch] ? 'touch' : labels[Label.reloadExec] ? 'exec' : 'signal',
			signal: labels[Label.reloadSignal] ?? 'SIGHUP',
			touch: labels[Label.reloadTouch],
			exec: labels[Label.reloadExec],
		},
		deploy: {path: labels[Label.deployPath], keep: number(labels[Label.deployKeep]) ?? 5},
	};
}
