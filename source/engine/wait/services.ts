/**
 * `deckhand wait`'s engine: resolve the names to containers (compose services, container
 * names) or Swarm services, then wait for all of them at once, each on its own probes.
 * Containers use their `deckhand.ready.*` probes; Swarm services their tasks (running,
 * healthy, old enough), which works whatever node the tasks run on.
 */
import {listContainers} from '../containers/resolve.js';
import type {EnginePorts} from '../ports/index.js';
import {UsageError} from '../errors.js';
import {readServiceSettings} from '../labels.js';
import {swarmUptimeMs, waitSwarmServiceReady} from '../swarm/readiness.js';
import type {SwarmService} from '../swarm/types.js';
import {formatDuration} from '../duration.js';
import {realClock} from './clock.js';
import {waitForContainers} from './containers.js';
import {probesFrom} from './probes.js';
import {selectWaitTargets} from './select.js';
import type {Clock} from './types.js';

/** One finished wait: what, on which probe, how long, and the error if it was not ready. */
export type ServiceWaitResult = {readonly name: string; readonly probe: string; readonly elapsedMs: number; readonly error?: Error};

/** Options of `waitForServices`. */
export type WaitForServicesOptions = {
	readonly names: readonly string[];
	/** Compose project or stack namespace: scopes names, and means "all of it" when no names are given. */
	readonly project?: string;
	readonly timeoutMs: number;
	readonly failFast?: boolean;
	readonly signal: AbortSignal;
	readonly clock?: Clock;
	readonly onResult?: (result: ServiceWaitResult) => void;
};

/** Waits for the named services (all of the project's when none); unknown names → UsageError before any wait. */
export async function waitForServices(ports: Pick<EnginePorts, 'containers' | 'events' | 'exec' | 'network' | 'swarm'>, options: WaitForServicesOptions): Promise<ServiceWaitResult[]> {
	const clock = options.clock ?? realClock;
	const {swarm} = ports;
	const selection = selectWaitTargets(await listContainers(ports, options.project), options.names, options.project);
	if (selection.ambiguous.length > 0) throw new UsageError(`service ${selection.ambiguous.join(', ')} exists in several projects; pass -p PROJECT`);
	const swarmServices: SwarmService[] = [];
	const unknown: string[] = [];
	for (const name of selection.unknown) {
		const found = (await swarm.findService(name)) ?? (options.project ? await swarm.findService(`${options.project}_${name}`) : undefined);
		if (found) swarmServices.push(found);
		else unknown.push(name);
	}
	if (unknown.length > 0) throw new UsageError(`no such service${options.project ? ` in project ${options.project}` : ''}: ${unknown.join(', ')}`);
	if (options.names.length === 0 && options.project) swarmServices.push(...(await swarm.stackServices(options.project)));
	if (selection.targets.length === 0 && swarmServices.length === 0) throw new UsageError(`nothing to wait on in project ${options.project ?? '(none)'}: no containers or Swarm services`);

	const began = clock.now();
	const report = (result: ServiceWaitResult) => {
		options.onResult?.(result);
		return result;
	};
	const containerWaits = waitForContainers(selection.targets, {
		probes: probesFrom(ports),
		clock,
		signal: options.signal,
		timeoutMs: options.timeoutMs,
		failFast: options.failFast,
		onResult: result => report({name: result.container.name, probe: result.probe, elapsedMs: result.elapsedMs, error: result.error}),
	});
	const swarmWaits = swarmServices.map(async service => {
		const own = readServiceSettings(service.labels).ready.timeoutMs;
		const probe = `tasks running ≥${formatDuration(swarmUptimeMs(service.labels))}`;
		try {
			await waitSwarmServiceReady(swarm, service.name, {signal: options.signal, clock, deadline: began + Math.min(options.timeoutMs, own ?? Number.POSITIVE_INFINITY)});
			return report({name: service.name, probe, elapsedMs: clock.now() - began});
		} catch (error) {
			options.signal.throwIfAborted();
			return report({name: service.name, probe, elapsedMs: clock.now() - began, error: error instanceof Error ? error : new Error(String(error))});
		}
	});
	const [containers, services] = await Promise.all([containerWaits, Promise.all(swarmWaits)]);
	return [...containers.map(result => ({name: result.container.name, probe: result.probe, elapsedMs: result.elapsedMs, error: result.error})), ...services];
}
