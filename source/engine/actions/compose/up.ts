/**
 * `up`: bring a compose project (or some services and their dependencies) to its declared
 * state through the startup plan. Idempotent: a running container whose config-hash matches is
 * left alone; a changed one is recreated; a one-shot job that already exited 0 is not re-run.
 * A service runs `scale:` / `deploy.replicas` containers numbered like compose's; extra ones
 * (highest numbers first) are stopped with the service's grace period and signal, then removed;
 * its `ready` step holds until every replica is ready.
 *
 * Networks: like compose, services without `network_mode` or `networks` join `<project>_default`;
 * declared networks become `<project>_<key>` (or their `name:`); both are created (bridge driver
 * unless declared otherwise) with `com.docker.compose.project`/`.network` labels. On an engine
 * started with `--bridge=none` this still works: only the built-in docker0 is missing, user
 * bridge networks are created and attached (no outside forwarding there). Named volumes the
 * file declares are created likewise; external ones are used as they are.
 */
import {listContainers} from '../../containers/resolve.js';
import type {EnginePorts} from '../../ports/index.js';
import {UsageError} from '../../errors.js';
import {Label, readServiceSettings} from '../../labels.js';
import {where} from '../../compose/locate.js';
import type {ComposeProject, ComposeService, LoadedCompose} from '../../compose/types.js';
import {findMissingImages} from '../../compose/validate.js';
import {executePlan, type ExecuteResult, type StepEvent} from '../../plan/execute.js';
import {planStartup, type StartupPlan} from '../../plan/graph.js';
import {healthcheckWaiter, waitCompleted, type ReadyOptions, type ReadyWaiter} from './readiness.js';
import {eachLimited} from '../../limit.js';
import {planReplicas, serviceReplicas, summariseActions, type NumberedContainer} from './replicas.js';
import {configHash, createOptions, replicaCount} from './spec.js';

/** One replica after converging: whether the plan's start step must start it, or it already completed (a job). */
type Replica = {readonly id: string; readonly name: string; readonly number: number; readonly needsStart: boolean; readonly completed: boolean};

/** Options of `upProject`. */
export type UpOptions = {
	readonly services?: readonly string[];
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: StepEvent) => void;
	/** Parallel engine calls (from the detected mode; default 8). */
	readonly concurrency?: number;
	/** Overall deadline for the whole `up`, ms (a service's `deckhand.ready.timeout` may be shorter). */
	readonly timeoutMs?: number;
	readonly failFast?: boolean;
	/** Readiness gate for `ready` steps; default: Docker healthcheck via events, else running. */
	readonly waitReady?: ReadyWaiter;
	readonly onHealthyEvent?: ReadyOptions['onHealthyEvent'];
	readonly now?: () => number;
};

/** What `up` did. */
export type UpResult = ExecuteResult & {
	readonly plan: StartupPlan;
	/** service → created | recreated | started | unchanged | completed, or per replica counts (`2 unchanged, 1 created, 1 removed`). */
	readonly actions: Readonly<Record<string, string>>;
};

/** Checks what needs the engine before anything is created: images present locally. Exit 2 otherwise. */
export async function preflight(ports: Pick<EnginePorts, 'system'>, loaded: Pick<LoadedCompose, 'project' | 'locate'>, services: readonly string[]): Promise<void> {
	const selected = Object.fromEntries(services.map(name => [name, loaded.project.services[name]!]));
	const problems = findMissingImages(selected, await ports.system.images());
	if (problems[0]) throw new UsageError(`${where(loaded.locate(problems[0].path))}${problems[0].message}`);
}

async function ensureResources(ports: Pick<EnginePorts, 'system'>, project: ComposeProject, services: readonly string[]): Promise<void> {
	const base = {...project.extraLabels, [Label.composeProject]: project.name};
	const networks = new Set<string>();
	for (const name of services) {
		const service = project.services[name]!;
		if (service.networkMode) continue;
		for (const key of service.networks.length > 0 ? service.networks : ['default']) networks.add(key);
	}
	for (const key of networks) {
		const declared = project.networks[key];
		if (declared?.external) continue;
		await ports.system.ensureNetwork(declared?.name ?? `${project.name}_${key}`, {labels: {...declared?.labels, ...base, 'com.docker.compose.network': key}, driver: declared?.driver});
	}
	const volumes = new Set(services.flatMap(name => project.services[name]!.volumes.filter(v => v.type === 'volume' && v.source && project.volumes[v.source]).map(v => v.source!)));
	for (const key of volumes) {
		const declared = project.volumes[key]!;
		if (!declared.external) await ports.system.ensureVolume(declared.name, {labels: {...declared.labels, ...base, 'com.docker.compose.volume': key}, driver: declared.driver});
	}
}

/** The ports `up` uses. */
export type UpPorts = Pick<EnginePorts, 'containers' | 'events' | 'exec' | 'network' | 'system'>;

/** Brings the project up; never rejects for a step failure (see `result.failed`). */
export async function upProject(ports: UpPorts, loaded: Pick<LoadedCompose, 'project' | 'locate'>, options: UpOptions = {}): Promise<UpResult> {
	const {project} = loaded;
	const plan = planStartup(project, {services: options.services});
	await preflight(ports, loaded, plan.services);
	await ensureResources(ports, project, plan.services);
	const now = options.now ?? Date.now;
	const deadline = options.timeoutMs === undefined ? undefined : now() + options.timeoutMs;
	const waitReady = options.waitReady ?? healthcheckWaiter(ports);
	const listed = await listContainers(ports, project.name);
	const concurrency = Math.max(1, options.concurrency ?? 8);
	/** service → its replicas after converging, lowest number first. */
	const replicas = new Map<string, Replica[]>(plan.services.map(name => [name, []]));
	const replicaActions = new Map<string, string[]>(plan.services.map(name => [name, []]));
	const removed = new Map<string, number>();
	const actions: Record<string, string> = {};
	const convergeErrors = new Map<string, unknown>();
	const stopOptions = (service: ComposeService) => ({timeoutSeconds: Math.ceil((service.stopGracePeriodMs ?? 10_000) / 1000), ...(service.stopSignal ? {signal: service.stopSignal} : {})});

	// Converge first, like compose: every container that is missing, changed or beyond the
	// service's replica count is (re)created or removed concurrently before anything starts, so
	// creation never sits on the critical path; the plan's `start` steps then only start and gate.
	const work = plan.services.flatMap(name => {
		const service = project.services[name]!;
		const wanted = planReplicas(serviceReplicas(listed, name), replicaCount(service));
		return [
			...wanted.keep.map(container => ({name, run: async () => keep(service, container)})),
			...wanted.create.map(number => ({name, run: async () => create(service, number, 'created')})),
			...wanted.remove.map(container => ({name, run: async () => drop(service, container)})),
		];
	});
	await eachLimited(work, concurrency, async item => item.run().catch(error => {
		if (!convergeErrors.has(item.name)) convergeErrors.set(item.name, error);
	}));
	for (const name of plan.services) {
		replicas.get(name)!.sort((a, b) => a.number - b.number);
		actions[name] = summariseActions(replicaActions.get(name)!, removed.get(name) ?? 0);
	}

	async function keep(service: ComposeService, current: NumberedContainer): Promise<void> {
		if (current.labels[Label.composeConfigHash] !== configHash(service)) {
			await ports.containers.stop(current.id, stopOptions(service));
			await ports.containers.remove(current.id);
			await create(service, current.number, 'recreated');
			return;
		}
		const {State: status} = await ports.containers.inspect(current.id);
		const completed = status.ExitCode === 0 && status.Status === 'exited' && plan.steps.some(s => s.id === `complete:${service.name}`);
		const action = status.Running ? 'unchanged' : completed ? 'completed' : 'started';
		replicas.get(service.name)!.push({id: current.id, name: current.name, number: current.number, needsStart: action === 'started', completed});
		replicaActions.get(service.name)!.push(action);
	}
	async function create(service: ComposeService, number: number, action: string): Promise<void> {
		const spec = createOptions(project, service, number);
		const id = await ports.containers.create(spec);
		replicas.get(service.name)!.push({id, name: spec.name!, number, needsStart: true, completed: false});
		replicaActions.get(service.name)!.push(action);
	}
	async function drop(service: ComposeService, container: NumberedContainer): Promise<void> {
		await ports.containers.stop(container.id, stopOptions(service));
		await ports.containers.remove(container.id);
		removed.set(service.name, (removed.get(service.name) ?? 0) + 1);
	}

	const result = await executePlan(
		plan,
		async (step, {signal, detail}) => {
			const service = project.services[step.service]!;
			const own = replicas.get(service.name)!;
			if (step.kind === 'start') {
				if (convergeErrors.has(service.name)) throw convergeErrors.get(service.name);
				await Promise.all(own.filter(r => r.needsStart).map(async r => ports.containers.start(r.id)));
				detail(actions[service.name]!);
				return;
			}
			// One replica is named by its service (as before replicas); several by their containers.
			const targetOf = (r: Replica) => ({containerId: r.id, service: own.length > 1 ? r.name : service.name, labels: service.labels});
			if (step.kind === 'complete') {
				await Promise.all(own.filter(r => !r.completed).map(async r => waitCompleted(ports, targetOf(r), signal)));
				return;
			}
			const settings = readServiceSettings(service.labels).ready.timeoutMs;
			const serviceDeadline = settings === undefined ? deadline : Math.min(deadline ?? Infinity, now() + settings);
			detail(`${service.healthcheck && !service.healthcheck.disable ? 'healthcheck' : 'running'}${own.length > 1 ? ` ×${own.length}` : ''}`);
			// The service is ready when every replica is: dependents gate on all of them.
			await Promise.all(own.map(async r => waitReady(targetOf(r), {signal, deadline: serviceDeadline, now, failFast: options.failFast, onHealthyEvent: options.onHealthyEvent})));
		},
		{concurrency: options.concurrency, signal: options.signal, onEvent: options.onEvent},
	);
	return {...result, plan, actions};
}
