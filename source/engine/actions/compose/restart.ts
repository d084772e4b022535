/**
 * `restart SERVICE... [--with-dependents]`: stop the targets (and with dependents, everything
 * that depends on them) level by level in reverse dependency order, each level at once
 * (stop.ts), then start them in dependency order, each gated on readiness through the same
 * plan executor as `up`. The graph comes from the containers' compose labels.
 */
import {listContainers} from '../../containers/resolve.js';
import {UsageError} from '../../errors.js';
import type {EnginePorts} from '../../ports/index.js';
import {executePlan, type ExecuteResult, type StepEvent} from '../../plan/execute.js';
import {planStartup, type StartupPlan} from '../../plan/graph.js';
import {healthcheckWaiter, waitCompleted, type ReadyWaiter} from './readiness.js';
import {dependentsOf, runningProject} from './running.js';
import {stopInOrder, type StopEvent, type StopSettings} from './stop.js';

/** Options of `restartServices`. */
export type RestartOptions = {
	readonly withDependents?: boolean;
	/** Grace periods and stop signals from the compose file, when there is one. */
	readonly settings?: StopSettings;
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: StepEvent | StopEvent) => void;
	readonly timeoutMs?: number;
	readonly failFast?: boolean;
	readonly concurrency?: number;
	readonly waitReady?: ReadyWaiter;
};

/** What a restart did: the plan's result, the stop levels and the dependents it took along. */
export type RestartResult = ExecuteResult & {readonly plan: StartupPlan; readonly stopped: string[]; readonly levels: string[][]; readonly dependents: string[]};

/** Restarts services of a running project; never rejects for a readiness failure (see `failed`). */
export async function restartServices(ports: Pick<EnginePorts, 'containers' | 'events' | 'exec' | 'network'>, projectName: string, services: readonly string[], options: RestartOptions = {}): Promise<RestartResult> {
	const running = runningProject(await listContainers(ports, projectName));
	if (Object.keys(running.services).length === 0) throw new UsageError(`no containers of project ${projectName}`);
	for (const name of services) if (!running.services[name]) throw new UsageError(`no such service in project ${projectName}: ${name}`);
	const dependents = options.withDependents ? dependentsOf(running, services) : [];
	const levels = await stopInOrder(ports, running, [...services, ...dependents], {settings: options.settings, signal: options.signal, onEvent: options.onEvent});
	const plan = planStartup(running, {services: [...services, ...dependents], includeDependencies: false});
	const waitReady = options.waitReady ?? healthcheckWaiter(ports);
	const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
	const result = await executePlan(
		plan,
		async (step, {signal}) => {
			const containers = running.containers[step.service]!;
			if (step.kind === 'start') {
				await Promise.all(containers.map(async c => ports.containers.start(c.id)));
				return;
			}
			await Promise.all(
				containers.map(async c => {
					const target = {containerId: c.id, service: step.service, labels: c.labels};
					if (step.kind === 'complete') await waitCompleted(ports, target, signal);
					else await waitReady(target, {signal, deadline, failFast: options.failFast});
				}),
			);
		},
		{signal: options.signal, onEvent: options.onEvent, concurrency: options.concurrency},
	);
	return {...result, plan, stopped: levels.flat(), levels, dependents};
}
