/**
 * Hot reload: make a service's app pick up new code without recreating its container.
 * Methods (label `deckhand.reload.method`, default `signal`): `signal` sends
 * `deckhand.reload.signal` (default SIGHUP) to the main process (deckhand-supervise restarts the
 * app on it), `touch` creates `deckhand.reload.touch` inside the container, `exec` runs
 * `deckhand.reload.exec` there (exit 0 required), `restart` restarts the container. Then the
 * service must pass a fresh readiness check; how long that took is the "not ready" time.
 */
import {findServiceTargets, type ServiceTargets, type TargetContainer, type UnreachableTask} from '../containers/resolve.js';
import type {EnginePorts} from '../ports/index.js';
import {OperationFailedError, UsageError} from '../errors.js';
import {readServiceSettings, type ReloadMethod} from '../labels.js';
import {readyBaseline, waitServiceReady} from './ready.js';

/** How one container is reloaded, decided from labels and flags. */
export type ReloadAction =
	| {readonly method: 'signal'; readonly killSignal: string}
	| {readonly method: 'touch'; readonly path: string}
	| {readonly method: 'exec'; readonly command: string}
	| {readonly method: 'restart'};

/** Overrides a caller may give; labels fill the rest. */
export type ReloadOverrides = {readonly method?: ReloadMethod; readonly killSignal?: string; readonly touchPath?: string; readonly command?: string};

const reloadMethods: readonly string[] = ['signal', 'touch', 'exec', 'restart'];

/** Decides the reload action from a container's labels and overrides; UsageError when incomplete. */
export function reloadActionFor(labels: Readonly<Record<string, string>>, overrides: ReloadOverrides = {}): ReloadAction {
	if (overrides.method !== undefined && !reloadMethods.includes(overrides.method)) throw new UsageError(`unknown reload method "${overrides.method}" (use signal, touch, exec or restart)`);
	const settings = readServiceSettings(labels).reload;
	const method = overrides.method ?? settings.method;
	switch (method) {
		case 'signal': {
			const killSignal = (overrides.killSignal ?? settings.signal).toUpperCase();
			if (!/^(SIG)?[A-Z0-9+-]+$/.test(killSignal)) throw new UsageError(`invalid reload signal "${killSignal}"`);
			return {method, killSignal: killSignal.startsWith('SIG') ? killSignal : `SIG${killSignal}`};
		}
		case 'touch': {
			const path = overrides.touchPath ?? settings.touch;
			if (!path?.startsWith('/')) throw new UsageError('reload by touch needs an absolute trigger path (label deckhand.reload.touch)');
			return {method, path};
		}
		case 'exec': {
			const command = overrides.command ?? settings.exec;
			if (!command?.trim()) throw new UsageError('reload by exec needs a command (label deckhand.reload.exec)');
			return {method, command};
		}
		default:
			return {method: 'restart'};
	}
}

/** Describes an action in one line (`signal SIGHUP`, `touch /app/.reload`...). */
export function describeReloadAction(action: ReloadAction): string {
	if (action.method === 'signal') return `signal ${action.killSignal}`;
	if (action.method === 'touch') return `touch ${action.path}`;
	if (action.method === 'exec') return `exec ${action.command}`;
	return 'restart';
}

/** Resolves SERVICE to the containers it names; UsageError when nothing matches. */
export async function resolveService(ports: Pick<EnginePorts, 'containers' | 'swarm' | 'system'>, service: string): Promise<ServiceTargets> {
	const targets = await findServiceTargets(ports, service);
	if (!targets) throw new UsageError(`no such service or container: ${service}`);
	return targets;
}

/** Performs the action itself (no readiness wait). */
export async function performReload(ports: Pick<EnginePorts, 'containers' | 'exec'>, containerId: string, action: ReloadAction, signal?: AbortSignal): Promise<void> {
	if (action.method === 'signal') return ports.containers.kill(containerId, action.killSignal);
	if (action.method === 'restart') return ports.containers.restart(containerId);
	const argv = action.method === 'touch' ? ['touch', action.path] : ['sh', '-c', action.command];
	const result = await ports.exec.run(containerId, argv, {signal});
	if (result.exitCode !== 0) {
		const output = (result.stderr || result.stdout).trim().replaceAll(/\s+/g, ' ').slice(0, 200);
		throw new OperationFailedError(`reload (${describeReloadAction(action)}) exited with code ${result.exitCode}${output ? `: ${output}` : ''}`);
	}
}

/** The outcome for one container. */
export type ContainerReload = {
	readonly container: TargetContainer;
	readonly action: ReloadAction;
	/** From the reload being issued until a fresh readiness check passed. */
	readonly notReadyMs: number;
};

/** Options of the reload functions. */
export type ReloadOptions = ReloadOverrides & {
	readonly signal?: AbortSignal;
	/** Readiness deadline per container; default the `deckhand.ready.timeout` label, else 2 min. */
	readonly timeoutMs?: number;
	readonly now?: () => number;
	readonly onProgress?: (line: string) => void;
};

/** Reloads one container and waits until it is ready again. */
export async function reloadContainer(ports: EnginePorts, container: TargetContainer, action: ReloadAction, options: ReloadOptions = {}): Promise<ContainerReload> {
	const now = options.now ?? Date.now;
	const timeoutMs = options.timeoutMs ?? readServiceSettings(container.labels).ready.timeoutMs ?? 120_000;
	const started = now();
	options.onProgress?.(`${container.name}: ${describeReloadAction(action)}`);
	await performReload(ports, container.id, action, options.signal);
	// Only checks that start after the action count (one that began before saw the old app).
	const baseline = await readyBaseline(ports, container.id);
	await waitServiceReady(ports, container, {baseline, deadline: started + timeoutMs, signal: options.signal, now});
	return {container, action, notReadyMs: now() - started};
}

/** The outcome for a service. */
export type ServiceReload = {
	readonly service: string;
	readonly kind: ServiceTargets['kind'];
	readonly reloaded: readonly ContainerReload[];
	/** Swarm tasks on other nodes, not reloaded. */
	readonly unreachable: readonly UnreachableTask[];
};

/**
 * Reloads every container SERVICE names on this engine, one after another (so a replicated
 * service keeps serving), each gated on readiness; stops at the first failure.
 */
export async function reloadService(ports: EnginePorts, service: string, options: ReloadOptions = {}): Promise<ServiceReload> {
	const targets = await resolveService(ports, service);
	if (targets.containers.length === 0) {
		throw new OperationFailedError(`${service}: no running task on this node to reload (${targets.unreachable.length} on other nodes: ${targets.unreachable.map(t => t.taskId.slice(0, 12)).join(', ')})`);
	}
	const actions = targets.containers.map(container => reloadActionFor({...targets.serviceLabels, ...container.labels}, options));
	const reloaded: ContainerReload[] = [];
	for (const [index, container] of targets.containers.entries()) {
		options.signal?.throwIfAborted();
		reloaded.push(await reloadContainer(ports, container, actions[index]!, options));
	}
	return {service: targets.name, kind: targets.kind, reloaded, unreachable: targets.unreachable};
}
