/**
 * Scaling a compose service without its compose file, like `docker compose up --scale`: the
 * service's containers (found by their compose labels) are the truth, and the lowest-numbered
 * one is the template for new replicas (its image, command, env, labels, mounts, network,
 * healthcheck, restart policy; only the name and `container-number` change). New replicas are
 * created and started concurrently and each is waited on with `up`'s readiness gate; extra
 * ones, highest number first, are stopped with their own grace period and signal and removed.
 * Scaling to 0 keeps the lowest-numbered container, stopped, as the template for scaling up
 * again (`deckhand down` removes it).
 */
import {listContainers, type ContainerRef} from '../../containers/resolve.js';
import {OperationFailedError, UsageError} from '../../errors.js';
import {Label, readServiceSettings} from '../../labels.js';
import type {ContainerCreateSpec, ContainerInspectJson, EnginePorts} from '../../ports/index.js';
import {probesFromLabels} from '../../wait/from-labels.js';
import {healthcheckWaiter} from './readiness.js';
import {createLimiter, eachLimited} from '../../limit.js';
import {planReplicas, serviceReplicas, type NumberedContainer} from './replicas.js';

/** Progress of a scale; `at` is ms since it began. */
export type ScaleEvent =
	| {readonly type: 'planned'; readonly project: string; readonly service: string; readonly from: number; readonly to: number; readonly create: number; readonly remove: number; readonly at: number}
	| {
			readonly type: 'creating' | 'starting' | 'waiting' | 'ready' | 'stopping' | 'stopped' | 'removed';
			readonly project: string;
			readonly service: string;
			readonly container: string;
			readonly number: number;
			/** The readiness probe (`waiting`, `ready`): healthcheck, running, or the deckhand.ready.* probes. */
			readonly probe?: string;
			readonly at: number;
	  };

/** What a scale did. */
export type ScaleResult = {
	readonly project: string;
	readonly service: string;
	/** Running replicas before. */
	readonly from: number;
	/** Running (and ready) replicas now. */
	readonly replicas: number;
	/** Container names, by what happened to them. */
	readonly created: readonly string[];
	readonly started: readonly string[];
	readonly removed: readonly string[];
	readonly elapsedMs: number;
};

/** The inspect fields a replica is copied from (Docker returns them all; the port types only some). */
type TemplateJson = ContainerInspectJson & {
	readonly Config: ContainerInspectJson['Config'] & {
		readonly WorkingDir?: string;
		readonly ExposedPorts?: Record<string, object> | null;
		readonly Volumes?: Record<string, object> | null;
		readonly OpenStdin?: boolean;
	};
	readonly NetworkSettings?: {readonly Networks?: Readonly<Record<string, {readonly Aliases?: readonly string[] | null}>> | null};
};

/** Engine calls (create, start, stop) in flight at once, as `up`'s default. */
const parallel = 8;

/** More replicas than any one engine could run: a typo. */
const maxReplicas = 10_000;

/** Network modes that are not a user network a replica joins with an alias. */
const isOwnNetwork = (mode: string) => mode !== '' && !['none', 'host', 'bridge', 'default'].includes(mode) && !mode.startsWith('container:');

/**
 * The create body of replica `number`, from the template container's inspect: same config and
 * host config, new name and `container-number`, the template's network aliases minus its own id. Pure.
 */
export function replicaSpec(template: TemplateJson, project: string, service: string, number: number): ContainerCreateSpec {
	const config = template.Config;
	const mode = template.HostConfig.NetworkMode ?? '';
	const ownNames = new Set([template.Id.slice(0, 12), template.Id, template.Name.replace(/^\//, '')]);
	const aliases = (template.NetworkSettings?.Networks?.[mode]?.Aliases ?? [service]).filter(alias => !ownNames.has(alias));
	const entrypoint = typeof config.Entrypoint === 'string' ? [config.Entrypoint] : config.Entrypoint ?? undefined;
	return {
		name: `${project}-${service}-${number}`,
		Image: config.Image,
		Cmd: config.Cmd ?? undefined,
		Entrypoint: entrypoint,
		Env: config.Env ?? undefined,
		Labels: {...config.Labels, [Label.composeNumber]: String(number)},
		User: config.User || undefined,
		WorkingDir: config.WorkingDir || undefined,
		StopSignal: config.StopSignal,
		StopTimeout: config.StopTimeout,
		ExposedPorts: config.ExposedPorts ?? undefined,
		Healthcheck: config.Healthcheck ?? undefined,
		...(config.Tty ? {Tty: true} : {}),
		...(config.OpenStdin ? {OpenStdin: true} : {}),
		...(config.Volumes ? {Volumes: config.Volumes} : {}),
		// The whole host config: mounts, restart policy, limits, logging, port bindings as they are.
		HostConfig: template.HostConfig as ContainerCreateSpec['HostConfig'],
		NetworkingConfig: isOwnNetwork(mode) ? {EndpointsConfig: {[mode]: {Aliases: [...new Set(aliases)]}}} : undefined,
	} as ContainerCreateSpec;
}

/** A single fixed host port (not a range) the template publishes: replicas would fight over it. */
export function fixedHostPort(template: Pick<ContainerInspectJson, 'HostConfig'>): string | undefined {
	for (const bindings of Object.values(template.HostConfig.PortBindings ?? {})) {
		for (const binding of bindings ?? []) if (binding.HostPort && /^\d+$/.test(binding.HostPort)) return binding.HostPort;
	}
	return undefined;
}

/** The readiness probe a container's config and labels give, for events and errors. */
function probeOf(template: TemplateJson): string {
	const labelled = probesFromLabels(template.Config.Labels ?? {}).map(strategy => strategy.probe);
	if (labelled.join() !== 'healthcheck') return labelled.join('+');
	return template.Config.Healthcheck?.Test && template.Config.Healthcheck.Test[0] !== 'NONE' ? 'healthcheck' : 'running';
}

/** Projects that have a compose service of this name (one-off containers and Swarm tasks aside). */
export function composeProjectsOf(containers: readonly ContainerRef[], service: string): string[] {
	const projects = containers
		.filter(c => c.labels[Label.composeService] === service && c.labels[Label.composeOneoff] !== 'True' && !c.labels[Label.swarmTaskId])
		.map(c => c.labels[Label.composeProject])
		.filter((project): project is string => Boolean(project));
	return [...new Set(projects)].sort();
}

/** Sets a compose service's replica count and resolves once every replica it keeps or creates is ready. */
export async function scaleComposeService(
	ports: EnginePorts,
	target: {readonly project: string; readonly service: string; readonly replicas: number},
	options: {readonly signal?: AbortSignal; readonly onEvent?: (event: ScaleEvent) => void; readonly timeoutMs?: number},
): Promise<ScaleResult> {
	const {project, service, replicas} = target;
	if (!Number.isSafeInteger(replicas) || replicas < 0 || replicas > maxReplicas) throw new UsageError(`${service}: replicas must be a whole number from 0 to ${maxReplicas}`);
	const began = Date.now();
	const at = () => Date.now() - began;
	const emit = options.onEvent ?? (() => undefined);
	const signal = options.signal ?? new AbortController().signal;
	const existing = serviceReplicas(await listContainers(ports, project), service).filter(c => !c.labels[Label.swarmTaskId]);
	if (existing.length === 0) throw new UsageError(`no compose service ${service} in project ${project} (no containers carry its labels)`);
	const template = (await ports.containers.inspect(existing[0]!.id, {signal})) as TemplateJson;
	// Scaling to 0 keeps the lowest-numbered container, stopped: without a compose file it is the only template left.
	const plan = planReplicas(existing, Math.max(replicas, 1));
	const ownName = template.Name.replace(/^\//, '');
	if (plan.create.length > 0 && ownName !== `${project}-${service}-${existing[0]!.number}`) throw new UsageError(`${service} runs as a fixed container name (${ownName}); it cannot be scaled beyond one replica`);
	const port = plan.create.length > 0 ? fixedHostPort(template) : undefined;
	if (port) throw new UsageError(`${service} publishes fixed host port ${port}: more replicas would conflict (publish a range or no host port)`);
	const from = existing.filter(c => c.state === 'running').length;
	emit({type: 'planned', project, service, from, to: replicas, create: plan.create.length, remove: plan.remove.length, at: at()});

	const created: string[] = [];
	const started: string[] = [];
	const removed: string[] = [];
	const event = (type: 'creating' | 'starting' | 'waiting' | 'ready' | 'stopping' | 'stopped' | 'removed', container: {readonly name: string; readonly number: number}, probe?: string) =>
		emit({type, project, service, container: container.name, number: container.number, at: at(), ...(probe ? {probe} : {})});
	const stop = async (container: NumberedContainer) => {
		event('stopping', container);
		// No options: Docker uses the container's own StopSignal and StopTimeout (the service's, from when it was created).
		await ports.containers.stop(container.id);
		event('stopped', container);
	};

	await eachLimited(plan.remove, parallel, async container => {
		signal.throwIfAborted();
		await stop(container);
		await ports.containers.remove(container.id);
		event('removed', container);
	});
	// In plan order (highest number first), whatever order the concurrent removals finished in.
	removed.push(...plan.remove.map(container => container.name));
	if (replicas === 0) {
		await stop(plan.keep[0]!);
		return {project, service, from, replicas: 0, created, started, removed, elapsedMs: at()};
	}

	const deadline = Date.now() + Math.min(options.timeoutMs ?? 300_000, readServiceSettings(template.Config.Labels ?? {}).ready.timeoutMs ?? Number.POSITIVE_INFINITY);
	const probe = probeOf(template);
	const waitReady = healthcheckWaiter(ports);
	const labels = template.Config.Labels ?? {};
	const gate = async (container: {readonly id: string; readonly name: string; readonly number: number}) => {
		event('waiting', container, probe);
		try {
			await waitReady({containerId: container.id, service: container.name, labels}, {signal, deadline});
		} catch (error) {
			signal.throwIfAborted();
			// Probe errors already read `<container>: <probe> probe not ready after …`; all are exit 1.
			throw new OperationFailedError(error instanceof Error ? error.message : `${container.name}: ${probe} probe failed: ${String(error)}`);
		}
		event('ready', container, probe);
	};
	// Creates and starts run concurrently, at most `parallel` engine calls at once; the waits are not bounded.
	const engineCall = createLimiter(parallel);
	const work = [
		...plan.keep.map(container => async () => {
			if (container.state !== 'running') {
				await engineCall(async () => {
					event('starting', container);
					await ports.containers.start(container.id);
				});
				started.push(container.name);
			}
			await gate(container);
		}),
		...plan.create.map(number => async () => {
			const spec = replicaSpec(template, project, service, number);
			const container = {name: spec.name!, number};
			const id = await engineCall(async () => {
				signal.throwIfAborted();
				event('creating', container);
				const id = await ports.containers.create(spec);
				created.push(container.name);
				event('starting', container);
				await ports.containers.start(id);
				return id;
			});
			await gate({...container, id});
		}),
	];
	// Every replica's work runs to its end, so one that failed does not hide which others did.
	const outcomes = await Promise.allSettled(work.map(async run => run()));
	const failures = outcomes.flatMap(outcome => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
	signal.throwIfAborted();
	if (failures.length > 0) {
		const messages = failures.map(error => (error instanceof Error ? error.message : String(error)));
		throw new OperationFailedError(`${project}/${service} not scaled to ${replicas}: ${messages.join('; ')}`);
	}
	const byNumber = (a: string, b: string) => Number(a.slice(a.lastIndexOf('-') + 1)) - Number(b.slice(b.lastIndexOf('-') + 1));
	return {project, service, from, replicas, created: created.sort(byNumber), started: started.sort(byNumber), removed, elapsedMs: at()};
}
