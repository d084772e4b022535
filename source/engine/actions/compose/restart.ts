/**
 * `restart SERVICE... [--with-dependents]`: with dependents, stop them first (reverse order),
 * restart the targets, then start the dependents in dependency order, each gated on readiness
 * through the same plan executor as `up`. The graph comes from the containers' compose labels.
 */
import type Docker from 'dockerode';
import {listProjectContainers, restartContainerById, startContainerById, stopContainerById} from '../../../docker/compose-containers.js';
import {UsageError} from '../../errors.js';
import {executePlan, type ExecuteResult, type StepEvent} from '../../plan/execute.js';
import {dependencyOrder, planStartup, type StartupPlan} from '../../plan/graph.js';
import {healthcheckWaiter, waitCompleted, type ReadyWaiter} from './readiness.js';
import {dependentsOf, runningProject} from './running.js';

/** Options of `restartServices`. */
export type RestartOptions = {
	readonly withDependents?: boolean;
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: StepEvent | {readonly type: 'stopping'; readonly service: string}) => void;
	readonly timeoutMs?: number;
	readonly failFast?: boolean;
	readonly concurrency?: number;
	readonly waitReady?: ReadyWaiter;
};

/** Restarts services of a running project; never rejects for a readiness failure (see `failed`). */
export async function restartServices(docker: Docker, projectName: string, services: readonly string[], options: RestartOptions = {}): Promise<ExecuteResult & {plan: StartupPlan; stopped: string[]}> {
	const running = runningProject(await listProjectContainers(docker, projectName));
	if (Object.keys(running.services).length === 0) throw new UsageError(`no containers of project ${projectName}`);
	for (const name of services) if (!running.services[name]) throw new UsageError(`no such service in project ${projectName}: ${name}`);
	const dependents = options.withDependents ? dependentsOf(running, services) : [];
	const stopped = dependencyOrder(running, dependents, false).reverse();
	for (const name of stopped) {
		options.signal?.throwIfAborted();
		options.onEvent?.({type: 'stopping', service: name});
		await Promise.all(running.containers[name]!.map(async c => stopContainerById(docker, c.id)));
	}
	const plan = planStartup(running, {services: [...services, ...dependents], includeDependencies: false});
	const waitReady = options.waitReady ?? healthcheckWaiter(docker);
	const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
	const result = await executePlan(
		plan,
		async (step, {signal}) => {
			const containers = running.containers[step.service]!;
			if (step.kind === 'start') {
				await Promise.all(containers.map(async c => (services.includes(step.service) ? restartContainerById(docker, c.id) : startContainerById(docker, c.id))));
				return;
			}
			await Promise.all(
				containers.map(async c => {
					const target = {containerId: c.id, service: step.service, labels: c.labels};
					if (step.kind === 'complete') await waitCompleted(docker, target, signal);
					else await waitReady(target, {signal, deadline, failFast: options.failFast});
				}),
			);
		},
		{signal: options.signal, onEvent: options.onEvent, concurrency: options.concurrency},
	);
	return {...result, plan, stopped};
}
