/**
 * The compose-level and container-level operations: restart (a compose service through the
 * readiness plan, or containers gated on their healthcheck), restart with dependents, stop,
 * start, up and down. Loaded on first use by the table (table.ts).
 */
import {restartContainer, startContainer, stopContainer} from '../actions/lifecycle.js';
import {downProject} from '../actions/compose/down.js';
import {healthcheckWaiter} from '../actions/compose/readiness.js';
import {restartServices} from '../actions/compose/restart.js';
import {dependentsOf, runningProject} from '../actions/compose/running.js';
import {upProject} from '../actions/compose/up.js';
import {hasHealthcheck} from '../containers/inspect.js';
import {listContainers, type ContainerRef} from '../containers/resolve.js';
import {UsageError} from '../errors.js';
import {Label} from '../labels.js';
import {stepFailed} from './format.js';
import {planEmitter} from './steps.js';
import type {DownInput, LifecycleInput, RestartInput, UpInput} from './inputs.js';
import type {LoadedCompose} from '../compose/types.js';
import type {Emit, OperationContext, OperationResult} from './types.js';

type Run = {signal: AbortSignal; emit: Emit};

/** Compose services among a project's `listed` containers that have a Docker healthcheck (they wait "for healthy"). */
async function healthchecked(context: OperationContext, listed: readonly ContainerRef[], services: readonly string[]): Promise<Set<string>> {
	const containers = listed.filter(c => services.includes(c.labels[Label.composeService] ?? ''));
	const checked = await Promise.all(containers.map(async c => {
		const info = await context.ports.containers.inspect(c.id).catch(() => undefined);
		return info && hasHealthcheck(info) ? c.labels[Label.composeService] : undefined;
	}));
	return new Set(checked.filter((name): name is string => Boolean(name)));
}

/** The dependents a restart of `services` takes along (for a confirmation), from the containers' labels. */
export async function restartDependents(context: OperationContext, project: string, services: readonly string[]): Promise<string[]> {
	return dependentsOf(runningProject(await listContainers(context.ports, project)), services);
}

/** restart / restart-with-dependents: a compose service through the plan; containers gated on readiness. */
export async function restart(context: OperationContext, input: RestartInput, {signal, emit}: Run, withDependents = false): Promise<OperationResult> {
	if (input.project !== undefined) {
		const services = input.services ?? [];
		// One listing for the dependents and the healthchecks both.
		const listed = await listContainers(context.ports, input.project);
		const dependents = withDependents ? dependentsOf(runningProject(listed), services) : [];
		emit({kind: 'phase', phase: withDependents ? `stopping ${[...services, ...dependents].join(', ')}` : 'stopping', dependents});
		const result = await restartServices(context.ports, input.project, services, {
			withDependents, settings: input.settings, timeoutMs: input.timeoutMs ?? 300_000, failFast: input.failFast, signal,
			concurrency: context.parallelism,
			onEvent: planEmitter(emit, await healthchecked(context, listed, [...services, ...dependents])),
		});
		if (result.failed) throw stepFailed('restart', result.failed.step.id, result.failed.failure);
		const ready = result.plan.services.length;
		return {summary: `${ready} service${ready === 1 ? '' : 's'} ready${result.dependents.length > 0 ? ` (dependents: ${result.dependents.join(', ')})` : ''}`, data: {dependents: result.dependents, levels: result.levels}};
	}
	if (withDependents) throw new UsageError('restart with dependents needs a compose service');
	const waitReady = healthcheckWaiter(context.ports);
	const deadline = Date.now() + (input.timeoutMs ?? 300_000);
	await Promise.all((input.containers ?? []).map(async id => {
		const info = await context.ports.containers.inspect(id);
		const name = info.Name.replace(/^\//, '');
		const checked = hasHealthcheck(info);
		emit({kind: 'step', phase: 'restarting', container: name, step: `restart:${name}`});
		const began = performance.now();
		await restartContainer(context.ports, id, {signal});
		emit({kind: 'step', phase: `waiting for ${checked ? 'healthy' : 'ready'}`, container: name, step: `ready:${name}`, type: 'waiting'});
		await waitReady({containerId: info.Id, service: name, labels: info.Config.Labels ?? {}}, {signal, deadline, failFast: input.failFast});
		emit({kind: 'step', phase: checked ? 'healthy' : 'ready', container: name, step: `ready:${name}`, type: 'ready', stepElapsedMs: Math.round(performance.now() - began)});
	}));
	return {summary: `${input.containers?.length ?? 0} container(s) ready`};
}

/** The containers `input` names: a compose service's (any state) or the given ids. */
async function containersOf(context: OperationContext, input: LifecycleInput): Promise<{id: string; name: string}[]> {
	if (input.project === undefined) return (input.containers ?? []).map(id => ({id, name: id}));
	const all = await listContainers(context.ports, input.project);
	for (const service of input.services ?? []) if (!all.some(c => c.labels[Label.composeService] === service)) throw new UsageError(`no such service in project ${input.project}: ${service}`);
	return all.filter(c => (input.services ?? []).includes(c.labels[Label.composeService] ?? '')).map(({id, name}) => ({id, name}));
}

/** stop / start: every container the input names, at once. */
export async function lifecycle(context: OperationContext, input: LifecycleInput, {signal, emit}: Run, action: 'stop' | 'start'): Promise<OperationResult> {
	const containers = await containersOf(context, input);
	if (containers.length === 0) throw new UsageError('no containers to act on');
	await Promise.all(containers.map(async ({id, name}) => {
		emit({kind: 'step', phase: action === 'stop' ? 'stopping' : 'starting', container: name, step: `${action}:${name}`});
		await (action === 'stop' ? stopContainer : startContainer)(context.ports, id, {signal});
		emit({kind: 'step', phase: action === 'stop' ? 'stopped' : 'started', container: name, step: `${action}:${name}`});
	}));
	return {summary: `${containers.length} container${containers.length === 1 ? '' : 's'} ${action === 'stop' ? 'stopped' : 'started'}`};
}

/** The compose files a project's containers were created from (the console's `u` has no -f). */
async function composeOfProject(context: OperationContext, project: string): Promise<Pick<LoadedCompose, 'project' | 'locate'>> {
	const labelled = (await listContainers(context.ports, project)).find(c => c.labels[Label.composeConfigFiles]);
	if (!labelled) throw new UsageError(`project ${project}: its containers do not name the compose files they came from`);
	const {loadCompose} = await import('../compose/load.js');
	return loadCompose({files: labelled.labels[Label.composeConfigFiles]!.split(','), cwd: labelled.labels[Label.composeWorkingDir], projectName: project});
}

/** up: the compose plan (or a Swarm stack), gated on readiness. */
export async function up(context: OperationContext, given: UpInput, {signal, emit}: Run): Promise<OperationResult> {
	if (!given.compose && !given.project) throw new UsageError('up needs a compose file or a project');
	const input = {...given, compose: given.compose ?? (await composeOfProject(context, given.project!))};
	const timeoutMs = input.timeoutMs ?? 300_000;
	const onEvent = planEmitter(emit);
	if (input.swarm) {
		const {deploySwarmStack} = await import('../swarm/index.js');
		const deployed = await deploySwarmStack(context.ports, input.compose, {services: input.services ?? [], signal, timeoutMs, onEvent, concurrency: context.parallelism});
		return {summary: `${deployed.plan.services.length} Swarm services ready in ${(deployed.elapsedMs / 1000).toFixed(1)}s`};
	}
	const result = await upProject(context.ports, input.compose, {services: input.services ?? [], signal, onEvent, timeoutMs, failFast: input.failFast, concurrency: context.parallelism});
	if (result.failed) throw stepFailed(`up ${input.compose.project.name}`, result.failed.step.id, result.failed.failure);
	return {summary: `${result.plan.services.length} services ready in ${(result.elapsedMs / 1000).toFixed(1)}s`};
}

/** down: stop and remove level by level, then the project's networks (and volumes). */
export async function down(context: OperationContext, input: DownInput, {signal, emit}: Run): Promise<OperationResult> {
	const result = await downProject(context.ports, input.project, {volumes: input.volumes, settings: input.settings, signal, onEvent: planEmitter(emit)});
	return {summary: `${result.services.length} services removed${result.resources.length > 0 ? `, ${result.resources.join(', ')}` : ''}`, data: result};
}
