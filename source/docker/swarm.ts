/** The daemon side of Swarm stacks: services, tasks and overlay networks, shaped as `SwarmCapabilities`. */
import type Docker from 'dockerode';
import type {ServiceSpec, SwarmCapabilities, SwarmService, SwarmTask} from '../engine/swarm/types.js';

const epoch = (text: string | undefined) => {
	const ms = text ? Date.parse(text) : Number.NaN;
	return Number.isFinite(ms) ? ms : 0;
};

type RawService = {
	ID: string;
	Version?: {Index?: number};
	Spec?: ServiceSpec & {Name?: string; Labels?: Record<string, string>};
	UpdateStatus?: {State?: string; Message?: string};
};

/** Maps an inspected service. */
export function toSwarmService(raw: RawService): SwarmService {
	const spec = raw.Spec ?? ({} as ServiceSpec);
	return {
		id: raw.ID,
		name: spec.Name ?? raw.ID,
		version: raw.Version?.Index ?? 0,
		spec,
		replicas: spec.Mode?.Replicated ? spec.Mode.Replicated.Replicas ?? 1 : undefined,
		forceUpdate: spec.TaskTemplate?.ForceUpdate ?? 0,
		updateState: raw.UpdateStatus?.State,
		updateMessage: raw.UpdateStatus?.Message,
		labels: spec.Labels ?? {},
	};
}

type RawTask = {
	ID: string;
	Slot?: number;
	NodeID?: string;
	DesiredState?: string;
	Spec?: {ForceUpdate?: number};
	Status?: {Timestamp?: string; State?: string; Message?: string; Err?: string; ContainerStatus?: {ContainerID?: string; ExitCode?: number}};
};

/** Maps a listed task. */
export function toSwarmTask(raw: RawTask): SwarmTask {
	return {
		id: raw.ID,
		slot: raw.Slot,
		nodeId: raw.NodeID,
		desiredState: raw.DesiredState ?? '',
		state: raw.Status?.State ?? '',
		sinceMs: epoch(raw.Status?.Timestamp),
		message: raw.Status?.Message ?? '',
		error: raw.Status?.Err || undefined,
		exitCode: raw.Status?.ContainerStatus?.ExitCode,
		containerId: raw.Status?.ContainerStatus?.ContainerID || undefined,
		spec: raw.Spec,
		forceUpdate: raw.Spec?.ForceUpdate ?? 0,
	};
}

/** The real capabilities for one engine. */
export function swarmCapabilities(docker: Docker): SwarmCapabilities {
	return {
		async findService(name) {
			try {
				return toSwarmService((await docker.getService(name).inspect()) as RawService);
			} catch (error) {
				// 404: no such service; 503: this engine is not a Swarm manager, so it has none.
				if ([404, 503].includes((error as {statusCode?: number}).statusCode ?? 0)) return undefined;
				throw error;
			}
		},
		async stackServices(namespace) {
			const list = (await docker.listServices({filters: JSON.stringify({label: [`com.docker.stack.namespace=${namespace}`]})}).catch((error: {statusCode?: number}) => {
				// Not a Swarm manager: there are no stacks to wait on.
				if (error.statusCode === 503) return [];
				throw error;
			})) as RawService[];
			return list.map(toSwarmService);
		},
		async createService(spec) {
			const created = (await docker.createService(spec)) as {id?: string; ID?: string};
			return created.id ?? created.ID ?? '';
		},
		async updateService(id, version, spec) {
			// Docker takes the version as a query parameter and the spec as the body.
			await docker.getService(id).update({_query: {version}, _body: spec} as never);
		},
		async tasks(serviceName) {
			const list = (await docker.listTasks({filters: JSON.stringify({service: [serviceName]})})) as RawTask[];
			return list.map(toSwarmTask);
		},
		async ensureOverlayNetwork(name, labels) {
			const existing = await docker.listNetworks({filters: JSON.stringify({name: [name]})});
			if (existing.some(network => network.Name === name)) return;
			await docker.createNetwork({Name: name, Driver: 'overlay', Attachable: true, Labels: {...labels}, CheckDuplicate: true});
		},
	};
}
