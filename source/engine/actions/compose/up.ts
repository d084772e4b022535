/**
 * `up`: bring a compose project (or some services and their dependencies) to its declared
 * state through the startup plan. Idempotent: a running container whose config-hash matches is
 * left alone; a changed one is recreated; a one-shot job that already exited 0 is not re-run.
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
import type {ComposeProject, LoadedCompose} from '../../compose/types.js';
import {findMissingImages} from '../../compose/validate.js';
import {executePlan, type ExecuteResult, type StepEvent} from '../../plan/execute.js';
import {planStartup, type StartupPlan} from '../../plan/graph.js';
import {healthcheckWaiter, waitCompleted, type ReadyOptions, type ReadyWaiter} from './readiness.js';
import {configHash, createOptions} from './spec.js';

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
	/** service → created | recreated | started | unchanged | completed. */
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

/** Runs `work` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
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
	const existing = new Map((await listContainers(ports, project.name)).filter(c => c.labels[Label.composeNumber] === '1' || !c.labels[Label.composeNumber]).map(c => [c.labels[Label.composeService] ?? '', c]));
	const ids = new Map<string, string>();
	const actions: Record<string, string> = {};
	const needsStart = new Set<string>();
	const convergeErrors = new Map<string, unknown>();

	// Converge first, like compose: every container that is missing or changed is (re)created
	// concurrently before anything starts, so creation never sits on the critical path; the
	// plan's `start` steps then only start and gate.
	await forEachLimited(plan.services, Math.max(1, options.concurrency ?? 8), async name => converge(name).catch(error => {
		convergeErrors.set(name, error);
	}));
	async function converge(name: string): Promise<void> {
		const service = project.services[name]!;
		const current = existing.get(name);
		if (current && current.labels[Label.composeConfigHash] === configHash(service)) {
			ids.set(name, current.id);
			const {State: status} = await ports.containers.inspect(current.id);
			if (status.Running) actions[name] = 'unchanged';
			else if (status.ExitCode === 0 && status.Status === 'exited' && plan.steps.some(s => s.id === `complete:${name}`)) actions[name] = 'completed';
			else {
				actions[name] = 'started';
				needsStart.add(name);
			}
			return;
		}
		if (current) {
			await ports.containers.stop(current.id, {timeoutSeconds: Math.ceil((service.stopGracePeriodMs ?? 10_000) / 1000), ...(service.stopSignal ? {signal: service.stopSignal} : {})});
			await ports.containers.remove(current.id);
		}
		ids.set(name, await ports.containers.create(createOptions(project, service)));
		actions[name] = current ? 'recreated' : 'created';
		needsStart.add(name);
	}

	const result = await executePlan(
		plan,
		async (step, {signal, detail}) => {
			const service = project.services[step.service]!;
			if (step.kind === 'start') {
				if (convergeErrors.has(service.name)) throw convergeErrors.get(service.name);
				if (needsStart.has(service.name)) await ports.containers.start(ids.get(service.name)!);
				detail(actions[service.name]!);
				return;
			}
			const target = {containerId: ids.get(service.name)!, service: service.name, labels: service.labels};
			if (step.kind === 'complete') {
				if (actions[service.name] !== 'completed') await waitCompleted(ports, target, signal);
				return;
			}
			const own = readServiceSettings(service.labels).ready.timeoutMs;
			const serviceDeadline = own === undefined ? deadline : Math.min(deadline ?? Infinity, now() + own);
			detail(service.healthcheck && !service.healthcheck.disable ? 'healthcheck' : 'running');
			await waitReady(target, {signal, deadline: serviceDeadline, now, failFast: options.failFast, onHealthyEvent: options.onHealthyEvent});
		},
		{concurrency: options.concurrency, signal: options.signal, onEvent: options.onEvent},
	);
	return {...result, plan, actions};
}
