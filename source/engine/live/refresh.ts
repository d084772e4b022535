/**
 * Reads the live model makes because an event said something changed: inspect one
 * container (after create/start/restart/rename), and re-read one Swarm service with its tasks
 * until its tasks settle. Both run beside the event stream, never in its way: events are
 * applied the moment they arrive, and a read whose container or service changed while it
 * was in flight is read again rather than applied stale.
 */
import {containerFromInspect, serviceFromList, taskFromList, type InspectedContainer} from '../model/convert.js';
import {reconnectDelay} from '../model/notify.js';
import type {ModelEvent, SwarmTaskModel} from '../model/types.js';
import {isNotFound, type EnginePorts} from '../ports/index.js';

const settledTaskStates = new Set(['running', 'complete', 'shutdown', 'failed', 'rejected', 'orphaned', 'remove']);

/** A task still on its way to its desired state (or, desired down, still running). */
export const isTaskMoving = (task: SwarmTaskModel): boolean => (task.desiredState === 'running' ? !settledTaskStates.has(task.state) : task.state === 'running');

/** One service and its tasks, or null when the service is gone. */
export async function readService(ports: Pick<EnginePorts, 'swarm'>, serviceId: string): Promise<ModelEvent & {kind: 'service-facts'}> {
	try {
		const [service, tasks] = await Promise.all([ports.swarm.inspectService(serviceId), ports.swarm.listTasks(serviceId)]);
		return {kind: 'service-facts', serviceId, service: serviceFromList(service), tasks: tasks.map(taskFromList)};
	} catch (error) {
		if (isNotFound(error)) return {kind: 'service-facts', serviceId, service: null, tasks: []};
		throw error;
	}
}

/** What the refreshers need from the model that owns them. */
export type RefreshContext = {
	readonly ports: Pick<EnginePorts, 'containers' | 'swarm'>;
	readonly apply: (event: ModelEvent) => void;
	/** False once the connection that asked has been replaced or closed. */
	readonly isCurrent: () => boolean;
	readonly sleep: (ms: number) => Promise<void>;
	readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
};

/** Keyed re-reads: one in flight per key; `touch` marks an in-flight read stale so it is repeated. */
function keyedReader(read: (key: string, entry: {stale: boolean}) => Promise<void>) {
	const inFlight = new Map<string, {stale: boolean}>();
	return {
		request(key: string) {
			const pending = inFlight.get(key);
			if (pending) {
				pending.stale = true;
				return;
			}
			const entry = {stale: false};
			inFlight.set(key, entry);
			void read(key, entry)
				.catch(() => undefined)
				.finally(() => inFlight.delete(key));
		},
		touch(key: string) {
			const pending = inFlight.get(key);
			if (pending) pending.stale = true;
		},
	};
}

/** Inspects containers on request; facts are applied only if no change arrived meanwhile (else it reads again, up to 5 times). */
export function createContainerRefresher(context: RefreshContext) {
	return keyedReader(async (id, entry) => {
		for (let attempt = 0; attempt < 5 && context.isCurrent(); attempt++) {
			entry.stale = false;
			let facts: ModelEvent;
			try {
				const info = await context.limit(async () => context.ports.containers.inspect(id));
				facts = {kind: 'container-facts', container: containerFromInspect(info as unknown as InspectedContainer)};
			} catch (error) {
				if (!isNotFound(error)) return;
				facts = {kind: 'container-gone', id};
			}
			if (!context.isCurrent()) return;
			if (entry.stale) continue;
			context.apply(facts);
			return;
		}
	});
}

/**
 * Re-reads services on request. Swarm emits no task events (API 1.41): a task reaches
 * `running` after its container's start event, so a service is read again, with backoff
 * and a bound, until none of its tasks is between states. Convergence, not polling.
 */
export function createServiceSettler(context: RefreshContext) {
	return keyedReader(async (serviceId, entry) => {
		for (let attempt = 0; attempt < 40 && context.isCurrent(); attempt++) {
			entry.stale = false;
			const facts = await context.limit(async () => readService(context.ports, serviceId));
			if (!context.isCurrent()) return;
			context.apply(facts);
			if (entry.stale) continue;
			if (!facts.tasks.some(isTaskMoving)) return;
			await context.sleep(reconnectDelay(attempt, 2000));
		}
	});
}
