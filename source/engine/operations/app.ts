/**
 * The app-level operations: reload, deploy, rollback, scale (Swarm services as before,
 * compose services through scaleComposeService) and exec target resolution. Loaded on first
 * use by the table (table.ts).
 */
import {composeProjectsOf, scaleComposeService} from '../actions/compose/scale.js';
import {findServiceTargets, listContainers} from '../containers/resolve.js';
import {OperationFailedError, UsageError} from '../errors.js';
import {describeReloadAction, reloadService} from '../reload/reload.js';
import {scaleService} from '../swarm/update.js';
import {sanitizeText} from '../text/sanitize.js';
import type {DeployInput, ExecTargetInput, ReloadInput, RollbackInput, ScaleInput} from './inputs.js';
import type {Emit, OperationContext, OperationResult} from './types.js';

type Run = {signal: AbortSignal; emit: Emit};

/** More replicas than any one engine could run: a typo, refused before Docker answers HTTP 400. */
export const maxReplicas = 10_000;

/** reload: the reload labels' action on every container of SERVICE here, then a fresh readiness check. */
export async function reload(context: OperationContext, input: ReloadInput, {signal, emit}: Run): Promise<OperationResult> {
	const result = await reloadService(context.ports, input.service, {
		method: input.method, killSignal: input.killSignal, timeoutMs: input.timeoutMs, signal,
		onProgress: line => emit({kind: 'phase', phase: line}),
	});
	for (const entry of result.reloaded) emit({kind: 'step', phase: 'ready', container: entry.container.name, step: `ready:${entry.container.name}`, type: 'ready', stepElapsedMs: entry.notReadyMs});
	return {summary: result.reloaded.map(entry => `${describeReloadAction(entry.action)}, ready after ${(entry.notReadyMs / 1000).toFixed(2)}s`).join('; '), data: result};
}

/** deploy: validate, lock, back up, upload, swap, reload, verify; restores by itself on failure. */
export async function deploy(context: OperationContext, input: DeployInput, {signal, emit}: Run): Promise<OperationResult> {
	const [{deployTarball}, {formatDeployRecord}] = await Promise.all([import('../deploy/deploy.js'), import('../deploy/format.js')]);
	const record = await deployTarball(context.ports, input.service, input.tarball, {
		path: input.path, reload: input.reload, keep: input.keep, method: input.method, limits: input.limits, timeoutMs: input.timeoutMs, signal,
		onStep: (step, detail) => emit({kind: 'step', phase: step, step, detail}),
	});
	return {summary: formatDeployRecord(record), data: record};
}

/** rollback: the newest backup, installed the way a deploy installs. */
export async function rollback(context: OperationContext, input: RollbackInput, {signal, emit}: Run): Promise<OperationResult> {
	const [{rollbackService}, {formatDeployRecord}] = await Promise.all([import('../deploy/rollback.js'), import('../deploy/format.js')]);
	const record = await rollbackService(context.ports, input.service, {
		path: input.path, reload: input.reload, method: input.method, timeoutMs: input.timeoutMs, signal,
		onStep: (step, detail) => emit({kind: 'step', phase: step, step, detail}),
	});
	return {summary: formatDeployRecord(record), data: record};
}

/**
 * Compose or Swarm: compose when containers of a project carry the service (`PROJECT/SERVICE`
 * or the input's project picks the project; a name in several projects without one is exit 2),
 * else a Swarm service.
 */
async function scaleKind(context: OperationContext, input: ScaleInput, requested: string): Promise<{kind: 'compose'; project: string; service: string} | {kind: 'swarm'}> {
	if (input.kind === 'swarm') return {kind: 'swarm'};
	const slash = requested.indexOf('/');
	const service = slash > 0 ? requested.slice(slash + 1) : requested;
	const chosen = slash > 0 ? requested.slice(0, slash) : input.project;
	const projects = composeProjectsOf(await listContainers(context.ports), service);
	if (chosen) {
		if (projects.includes(chosen) || input.kind === 'compose') return {kind: 'compose', project: chosen, service};
		if (slash > 0) throw new UsageError(`no compose service ${sanitizeText(service)} in project ${sanitizeText(chosen)}`);
		return {kind: 'swarm'};
	}
	if (projects.length > 1) throw new UsageError(`service ${sanitizeText(service)} exists in several compose projects (${projects.map(project => sanitizeText(project)).join(', ')}); pass -p PROJECT`);
	if (projects.length === 1) return {kind: 'compose', project: projects[0]!, service};
	if (input.kind === 'compose') throw new UsageError(`${sanitizeText(service)}: no compose project named (pass -p NAME)`);
	return {kind: 'swarm'};
}

/** scale: each request at once; Swarm services as `deckhand scale` always did, compose services through scaleComposeService. */
export async function scale(context: OperationContext, input: ScaleInput, {signal, emit}: Run): Promise<OperationResult> {
	for (const {service, replicas} of input.requests) {
		if (!Number.isSafeInteger(replicas) || replicas < 0 || replicas > maxReplicas) throw new UsageError(`${service}: replicas must be a whole number from 0 to ${maxReplicas}`);
	}
	const timeoutMs = input.timeoutMs ?? 300_000;
	const results = await Promise.allSettled(input.requests.map(async ({service, replicas}) => {
		const kind = await scaleKind(context, input, service);
		emit({kind: 'step', phase: `scaling to ${replicas}`, service, step: `scale:${service}`});
		if (kind.kind === 'compose') {
			const result = await scaleComposeService(context.ports, {project: kind.project, service: kind.service, replicas}, {signal, timeoutMs, onEvent: (event: {readonly phase?: unknown; readonly type?: unknown}) => emit({kind: 'step', phase: String(event.phase ?? event.type ?? 'scaling'), service, step: `scale:${service}`})});
			emit({kind: 'step', phase: `scaled to ${replicas}, ready`, service: `${kind.project}/${kind.service}`, step: `scale:${service}`, type: 'ready', stepElapsedMs: result.elapsedMs});
			return service;
		}
		const result = await scaleService(context.ports, service, replicas, {signal, timeoutMs, stack: input.project, noWait: input.wait === false});
		emit({kind: 'step', phase: `scaled to ${replicas}${input.wait === false ? '' : ', ready'}`, service: result.service, step: `scale:${service}`, type: 'ready', stepElapsedMs: result.elapsedMs});
		return result.service;
	}));
	const errors = results.flatMap(result => (result.status === 'rejected' ? [result.reason as Error] : []));
	// Bad input wins: an unknown service is exit 2 even if another scale also failed.
	const usage = errors.find(error => error instanceof UsageError);
	if (usage) throw usage;
	if (errors.length > 0) throw new ScaleFailedError(errors, input.requests.length);
	return {summary: input.requests.map(r => `${r.service}=${r.replicas}`).join(', ')};
}

/** Some scales failed: each error beside the one-line total. */
export class ScaleFailedError extends OperationFailedError {
	constructor(readonly errors: readonly Error[], total: number) {
		super(`${errors.length} of ${total} not ready: ${errors.map(error => error.message).join('; ')}`);
	}
}

/** exec-target: the one running container NAME means; its id and name. */
export async function execTarget(context: OperationContext, input: ExecTargetInput): Promise<OperationResult<{id: string; name: string}>> {
	const targets = await findServiceTargets(context.ports, input.name);
	if (!targets) {
		const stopped = (await listContainers(context.ports)).find(c => c.name === input.name);
		throw new UsageError(stopped ? `${input.name} is not running` : `no container or service named ${input.name}`);
	}
	const container = targets.containers[0];
	if (!container) throw new UsageError(`${input.name} has no running container on this engine`);
	return {summary: container.name, data: {id: container.id, name: container.name}};
}
