/**
 * The one resolver from names to containers: what SERVICE names (a container name or id,
 * a compose service, a Swarm service's running tasks; only tasks on this node have a
 * container here), and a project's containers by its compose label.
 */
import {Label} from '../labels.js';
import {isNotFound, type EnginePorts, type ListedContainerJson} from '../ports/index.js';

/** A container as listed: id, name without the slash, state and labels. */
export type ContainerRef = {
	readonly id: string;
	readonly name: string;
	readonly state: string;
	readonly labels: Readonly<Record<string, string>>;
};

/** Maps a listed container (the one place names lose their leading slash). */
export const containerRef = (listed: ListedContainerJson): ContainerRef => ({id: listed.Id, name: (listed.Names?.[0] ?? '').replace(/^\//, ''), state: listed.State, labels: listed.Labels ?? {}});

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

/** The ports the resolver reads. */
export type ResolvePorts = Pick<EnginePorts, 'containers' | 'swarm' | 'system'>;

/** Containers of a compose project (running or not), or every container without one. */
export async function listContainers(ports: Pick<EnginePorts, 'containers'>, project?: string): Promise<ContainerRef[]> {
	return (await ports.containers.list({all: true, labels: project ? [`${Label.composeProject}=${project}`] : []})).map(containerRef);
}

/**
 * Finds what SERVICE names, in order: a container (name or id), running containers of a compose
 * service (`service` or `project/service`), a Swarm service's running tasks. Undefined if none.
 */
export async function findServiceTargets(ports: ResolvePorts, service: string): Promise<ServiceTargets | undefined> {
	try {
		const info = await ports.containers.inspect(service);
		const name = info.Name.replace(/^\//, '');
		const labels = info.Config.Labels ?? {};
		return {kind: 'container', name, containers: [{id: info.Id, name, labels, taskId: labels[Label.swarmTaskId]}], unreachable: []};
	} catch (error) {
		if (!isNotFound(error)) throw error;
	}
	const [project, name] = service.includes('/') ? service.split('/', 2) : [undefined, service];
	const labels = [`${Label.composeService}=${name}`, ...(project ? [`${Label.composeProject}=${project}`] : [])];
	const compose = await ports.containers.list({labels, status: ['running']});
	if (compose.length > 0) return {kind: 'compose', name: service, containers: compose.map(containerRef).map(({id, name, labels}) => ({id, name, labels})), unreachable: []};
	return findSwarmTargets(ports, service);
}

async function findSwarmTargets(ports: ResolvePorts, service: string): Promise<ServiceTargets | undefined> {
	const swarm = (await ports.system.info()).Swarm;
	if (swarm?.LocalNodeState !== 'active') return undefined;
	const found = await ports.swarm.findService(service);
	if (!found) return undefined;
	const containers: TargetContainer[] = [];
	const unreachable: UnreachableTask[] = [];
	for (const task of await ports.swarm.tasks(found.id)) {
		if (task.desiredState !== 'running' || task.state !== 'running') continue;
		if (task.nodeId !== swarm.NodeID || !task.containerId) {
			unreachable.push({taskId: task.id, nodeId: task.nodeId ?? '', slot: task.slot});
			continue;
		}
		const info = await ports.containers.inspect(task.containerId);
		containers.push({id: info.Id, name: info.Name.replace(/^\//, ''), labels: info.Config.Labels ?? {}, taskId: task.id});
	}
	return {kind: 'swarm', name: found.name, containers, unreachable, serviceLabels: found.labels};
}
