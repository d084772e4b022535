/**
 * Changes to a running Swarm service that end in a readiness wait: a rolling restart (a
 * service update with ForceUpdate+1, which replaces every task one at a time, new before old)
 * and scaling. Both resolve once the new tasks are ready (running, healthy, old enough).
 */
import {UsageError} from '../errors.js';
import {realClock} from '../wait/clock.js';
import type {Clock} from '../wait/types.js';
import {waitSwarmServiceReady} from './readiness.js';
import type {SwarmCapabilities, SwarmService} from './types.js';
import type {EnginePorts} from '../ports/index.js';

/** Options of a Swarm update. */
export type SwarmUpdateOptions = {
	readonly signal?: AbortSignal;
	readonly timeoutMs?: number;
	/** Override the service's `deckhand.ready.uptime` (task age before it counts as ready). */
	readonly minUptimeMs?: number;
	/** Return right after the update, without waiting (default false). */
	readonly noWait?: boolean;
	/** Stack namespace: `SERVICE` may then be the compose service name. */
	readonly stack?: string;
	readonly clock?: Clock;
	readonly swarm?: SwarmCapabilities;
};

/** What an update did: the service, the task ids before and the ready task ids after. */
export type SwarmUpdateResult = {
	readonly service: string;
	readonly previousTaskIds: readonly string[];
	readonly taskIds: readonly string[];
	readonly elapsedMs: number;
};

/** Finds a service by full name, else as `<stack>_<name>`; unknown → UsageError (exit 2). */
export async function resolveSwarmService(swarm: SwarmCapabilities, name: string, stack?: string): Promise<SwarmService> {
	const found = (await swarm.findService(name)) ?? (stack ? await swarm.findService(`${stack}_${name}`) : undefined);
	if (!found) throw new UsageError(`no such Swarm service: ${name}${stack ? ` (nor ${stack}_${name})` : ''}`);
	return found;
}

async function updateAndWait(ports: Pick<EnginePorts, 'swarm'>, name: string, options: SwarmUpdateOptions, change: (service: SwarmService) => SwarmService['spec']): Promise<SwarmUpdateResult> {
	const swarm = options.swarm ?? ports.swarm;
	const clock = options.clock ?? realClock;
	const began = clock.now();
	const service = await resolveSwarmService(swarm, name, options.stack);
	const previousTaskIds = (await swarm.tasks(service.id)).filter(task => task.desiredState === 'running').map(task => task.id);
	await swarm.updateService(service.id, service.version, change(service));
	const taskIds = options.noWait
		? []
		: await waitSwarmServiceReady(swarm, service.name, {
				signal: options.signal ?? new AbortController().signal,
				deadline: began + (options.timeoutMs ?? 300_000),
				clock,
				minUptimeMs: options.minUptimeMs,
			});
	return {service: service.name, previousTaskIds, taskIds, elapsedMs: clock.now() - began};
}

/** Rolling restart: ForceUpdate+1, then wait until the replacement tasks are ready. */
export async function restartSwarmService(ports: Pick<EnginePorts, 'swarm'>, name: string, options: SwarmUpdateOptions = {}): Promise<SwarmUpdateResult> {
	return updateAndWait(ports, name, options, service => ({...service.spec, TaskTemplate: {...service.spec.TaskTemplate, ForceUpdate: service.forceUpdate + 1}}));
}

/** Sets a replicated service's replica count, then waits until that many tasks are ready. */
export async function scaleService(ports: Pick<EnginePorts, 'swarm'>, name: string, replicas: number, options: SwarmUpdateOptions = {}): Promise<SwarmUpdateResult> {
	if (!Number.isInteger(replicas) || replicas < 0) throw new UsageError(`invalid replica count ${replicas} (want a whole number ≥ 0)`);
	return updateAndWait(ports, name, options, service => {
		if (!service.spec.Mode?.Replicated) throw new UsageError(`${service.name} is a global service; it cannot be scaled`);
		return {...service.spec, Mode: {Replicated: {Replicas: replicas}}};
	});
}
