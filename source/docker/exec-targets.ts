/**
 * The containers an action on a SERVICE reaches: a container name, a compose service, or a
 * Swarm service (its running tasks; only those on this node have a container we can reach).
 * Also the Docker calls a reload needs on each: signal, restart, state with the health log,
 * and the event stream that says when a healthcheck ran.
 */
import type Docker from 'dockerode';
import {watchContainerEvents} from './events.js';

/** One container an action can act on. */
export type TargetContainer = {
	readonly id: string;
	readonly name: string;
	readonly labels: Readonly<Record<string, string>>;
	/** Swarm task id when the container belongs to a task. */
	readonly taskId?: string;
};

/** A Swarm task running on another node: no container here to act on. */
export type UnreachableTask = {readonly taskId: string; readonly nodeId: string; readonly slot?: number};

/** What SERVICE names. */
export type ServiceTargets = {
	readonly kind: 'container' | 'compose' | 'swarm';
	readonly name: string;
	readonly containers: readonly TargetContainer[];
	readonly unreachable: readonly UnreachableTask[];
	/** Labels of the Swarm service spec (settings live there for services). */
	readonly serviceLabels?: Readonly<Record<string, string>>;
};

const statusCode = (error: unknown) => (error as {statusCode?: number}).statusCode;

/**
 * Finds what SERVICE names, in order: a container (name or id), running containers of a compose
 * service (`service` or `project/service`), a Swarm service's running tasks. Undefined if none.
 */
export async function findServiceTargets(docker: Docker, service: string): Promise<ServiceTargets | undefined> {
	try {
		const info = await docker.getContainer(service).inspect();
		return {
			kind: 'container',
			name: info.Name.replace(/^\//, ''),
			containers: [{id: info.Id, name: info.Name.replace(/^\//, ''), labels: info.Config.Labels ?? {}, taskId: info.Config.Labels?.['com.docker.swarm.task.id']}],
			unreachable: [],
		};
	} catch (error) {
		if (statusCode(error) !== 404) throw error;
	}
	const [project, name] = service.includes('/') ? service.split('/', 2) : [undefined, service];
	const label = [`com.docker.compose.service=${name}`, ...(project ? [`com.docker.compose.project=${project}`] : [])];
	const compose = await docker.listContainers({filters: JSON.stringify({label, status: ['running']})});
	if (compose.length > 0) {
		return {
			kind: 'compose',
			name: service,
			containers: compose.map(c => ({id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), labels: c.Labels ?? {}})),
			unreachable: [],
		};
	}
	return findSwarmTargets(docker, service);
}

async function findSwarmTargets(docker: Docker, service: string): Promise<ServiceTargets | undefined> {
	const swarm = await docker.info().then(info => (info as {Swarm?: {NodeID?: string; LocalNodeState?: string}}).Swarm);
	if (swarm?.LocalNodeState !== 'active') return undefined;
	let spec: {ID: string; Spec?: {Name?: string; Labels?: Record<string, string>}};
	try {
		spec = (await docker.getService(service).inspect()) as typeof spec;
	} catch (error) {
		if (statusCode(error) === 404) return undefined;
		throw error;
	}
	const tasks = (await docker.listTasks({filters: JSON.stringify({service: [spec.ID], 'desired-state': ['running']})})) as Array<{
		ID: string;
		NodeID: string;
		Slot?: number;
		Status?: {State?: string; ContainerStatus?: {ContainerID?: string}};
	}>;
	const containers: TargetContainer[] = [];
	const unreachable: UnreachableTask[] = [];
	for (const task of tasks.filter(t => t.Status?.State === 'running')) {
		const containerId = task.Status?.ContainerStatus?.ContainerID;
		if (task.NodeID !== swarm.NodeID || !containerId) {
			unreachable.push({taskId: task.ID, nodeId: task.NodeID, slot: task.Slot});
			continue;
		}
		const info = await docker.getContainer(containerId).inspect();
		containers.push({id: info.Id, name: info.Name.replace(/^\//, ''), labels: info.Config.Labels ?? {}, taskId: task.ID});
	}
	return {kind: 'swarm', name: spec.Spec?.Name ?? service, containers, unreachable, serviceLabels: spec.Spec?.Labels ?? {}};
}

/** Sends a signal (e.g. `SIGHUP`) to a container's main process. */
export async function signalContainer(docker: Docker, id: string, signal: string): Promise<void> {
	await docker.getContainer(id).kill({signal});
}

/** Restarts a container (Docker's stop grace period, then start). */
export async function restartContainerNow(docker: Docker, id: string): Promise<void> {
	await docker.getContainer(id).restart();
}

/** The daemon's clock now (epoch ms), to compare with the times Docker writes in health logs. */
export async function daemonTime(docker: Docker): Promise<number> {
	const info = (await docker.info()) as {SystemTime?: string};
	const time = info.SystemTime ? Date.parse(info.SystemTime) : Number.NaN;
	return Number.isNaN(time) ? Date.now() : time;
}

/** One healthcheck run, as Docker logged it. */
export type HealthRun = {readonly start: number; readonly end: number; readonly exitCode: number; readonly output: string};

/** A container's state with its healthcheck history (Docker keeps the last 5 runs). */
export type ContainerHealthState = {
	readonly id: string;
	readonly running: boolean;
	readonly exitCode: number;
	readonly startedAt: string;
	readonly health?: {readonly status: string; readonly failingStreak: number; readonly retries: number; readonly startPeriodMs: number; readonly runs: readonly HealthRun[]};
};

/** Inspects a container's state and health log. */
export async function containerHealthState(docker: Docker, id: string): Promise<ContainerHealthState> {
	const info = await docker.getContainer(id).inspect();
	const health = info.State.Health as {Status: string; FailingStreak: number; Log?: Array<{Start: string; End: string; ExitCode: number; Output: string}>} | undefined;
	const check = info.Config.Healthcheck as {Test?: string[]; Retries?: number; StartPeriod?: number} | undefined;
	return {
		id: info.Id,
		running: info.State.Running,
		exitCode: info.State.ExitCode,
		startedAt: info.State.StartedAt,
		health:
			// Podman reports `Health: {Status: ""}` for a container without a healthcheck.
			health?.Status && check?.Test?.[0] !== 'NONE'
				? {
						status: health.Status,
						failingStreak: health.FailingStreak,
						retries: check?.Retries || 3,
						startPeriodMs: (check?.StartPeriod ?? 0) / 1e6,
						runs: (health.Log ?? []).map(run => ({start: Date.parse(run.Start), end: Date.parse(run.End), exitCode: run.ExitCode, output: run.Output.trim()})),
					}
				: undefined,
	};
}

/**
 * Calls `onEvent` for each event of a container among `actions` (Docker action names such as
 * `exec_die`, `health_status`, `die`, `start`) until `signal` aborts; resolves once subscribed.
 */
export async function watchContainerActions(docker: Docker, id: string, actions: readonly string[], signal: AbortSignal, onEvent: (action: string) => void): Promise<void> {
	await watchContainerEvents(docker, id, actions, signal, event => onEvent(event.action));
}
