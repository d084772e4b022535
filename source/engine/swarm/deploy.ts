/**
 * `up --swarm`: a compose project deployed as a Swarm stack (like `docker stack deploy`), but
 * gated: Swarm ignores depends_on, deckhand does not. The same startup plan as compose `up`
 * runs: a service is created (or updated in place) the moment its dependencies' conditions
 * hold, independent services in parallel, and each `ready` step waits for all its desired
 * tasks to be running (healthy, if they have a healthcheck) for at least the minimum task age.
 */
import {preflight} from '../actions/compose/up.js';
import type {LoadedCompose} from '../compose/types.js';
import {OperationFailedError} from '../errors.js';
import {Label, readServiceSettings} from '../labels.js';
import {executePlan, type ExecuteResult, type StepEvent} from '../plan/execute.js';
import {planStartup, type StartupPlan} from '../plan/graph.js';
import {formatFailure} from '../plan/progress.js';
import {realClock} from '../wait/clock.js';
import type {Clock} from '../wait/types.js';
import {waitSwarmServiceReady} from './readiness.js';
import {swarmNetworks, swarmServiceName, swarmServiceSpec} from './spec.js';
import type {SwarmCapabilities} from './types.js';
import type {EnginePorts} from '../ports/index.js';

/** Options of `deploySwarmStack`. */
export type SwarmDeployOptions = {
	readonly signal?: AbortSignal;
	/** Overall deadline, ms (a service's `deckhand.ready.timeout` may be shorter). */
	readonly timeoutMs?: number;
	readonly onEvent?: (event: StepEvent) => void;
	/** Only these services and their dependencies. */
	readonly services?: readonly string[];
	readonly concurrency?: number;
	readonly clock?: Clock;
	/** Injected daemon calls (default: the real ones for `docker`). */
	readonly swarm?: SwarmCapabilities;
};

/** What the deploy did. */
export type SwarmDeployResult = ExecuteResult & {
	readonly plan: StartupPlan;
	/** compose service → created | updated. */
	readonly actions: Readonly<Record<string, string>>;
	/** compose service → Swarm service name. */
	readonly serviceNames: Readonly<Record<string, string>>;
};

/** Deploys the project as a Swarm stack; throws OperationFailedError (exit 1) naming the step, probe and last output when a step fails. */
export async function deploySwarmStack(ports: Pick<EnginePorts, 'swarm' | 'system'>, loaded: Pick<LoadedCompose, 'project' | 'locate'>, options: SwarmDeployOptions = {}): Promise<SwarmDeployResult> {
	const {project} = loaded;
	const swarm = options.swarm ?? ports.swarm;
	const clock = options.clock ?? realClock;
	const plan = planStartup(project, {services: options.services});
	await preflight(ports, loaded, plan.services);
	const stackLabels = {...project.extraLabels, [Label.stackNamespace]: project.name};
	const networks = new Set(plan.services.flatMap(name => swarmNetworks(project, project.services[name]!)));
	const external = new Set(Object.values(project.networks).filter(network => network.external).map(network => network.name));
	for (const network of networks) if (!external.has(network)) await swarm.ensureOverlayNetwork(network, stackLabels);

	const deadline = clock.now() + (options.timeoutMs ?? 300_000);
	const actions: Record<string, string> = {};
	const serviceNames = Object.fromEntries(plan.services.map(name => [name, swarmServiceName(project.name, name)]));
	const result = await executePlan(
		plan,
		async (step, {signal, detail}) => {
			const service = project.services[step.service]!;
			const name = serviceNames[step.service]!;
			if (step.kind === 'start') {
				const spec = swarmServiceSpec(project, service);
				const existing = await swarm.findService(name);
				if (existing) {
					// Keep the current ForceUpdate, or the update itself would force a rolling restart.
					await swarm.updateService(existing.id, existing.version, {...spec, TaskTemplate: {...spec.TaskTemplate, ForceUpdate: existing.forceUpdate}});
					actions[step.service] = 'updated';
				} else {
					await swarm.createService(spec);
					actions[step.service] = 'created';
				}
				detail(actions[step.service]!);
				return;
			}
			const own = readServiceSettings(service.labels).ready.timeoutMs;
			const stepDeadline = own === undefined ? deadline : Math.min(deadline, clock.now() + own);
			await waitSwarmServiceReady(swarm, name, {signal, deadline: stepDeadline, clock, completion: step.kind === 'complete'});
		},
		{signal: options.signal, onEvent: options.onEvent, concurrency: options.concurrency},
	);
	if (result.failed) {
		throw Object.assign(new OperationFailedError(`up --swarm ${project.name} failed: ${formatFailure(result.failed.step.id, result.failed.failure).replace(/\n\s*/g, '; ')}`), {result: {...result, plan, actions, serviceNames}});
	}
	return {...result, plan, actions, serviceNames};
}
