/** The swarm port over dockerode: services, tasks and overlay networks. */
import type Docker from 'dockerode';
import type {ListedService, ListedTask} from '../engine/ports/wire.js';
import type {ServiceSpec, SwarmPort, SwarmService, SwarmTask} from '../engine/ports/index.js';
import {systemAdapter} from './system.js';

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

/** 503: this engine is not a Swarm manager, so it has no services. */
const notManager = (error: unknown) => (error as {statusCode?: number}).statusCode === 503;

/** The swarm port for one client. */
export function swarmAdapter(docker: Docker): SwarmPort {
	return {
		async findService(name) {
			try {
				return toSwarmService((await docker.getService(name).inspect()) as RawService);
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404 || notManager(error)) return undefined;
				throw error;
			}
		},
		async stackServices(namespace) {
			const list = (await docker.listServices({filters: JSON.stringify({label: [`com.docker.stack.namespace=${namespace}`]})}).catch((error: unknown) => {
				if (notManager(error)) return [];
				throw error;
			})) as RawService[];
			return list.map(toSwarmService);
		},
		async createService(spec) {
			const created = (await docker.createService(spec as Docker.CreateServiceOptions)) as {id?: string; ID?: string};
			return created.id ?? created.ID ?? '';
		},
		async updateService(id, version, spec) {
			// Docker takes the version as a query parameter and the spec as the body.
			await docker.getService(id).update({_query: {version}, _body: spec} as never);
		},
		async tasks(service) {
			const list = (await docker.listTasks({filters: JSON.stringify({service: [service]})})) as RawTask[];
			return list.map(toSwarmTask);
		},
		ensureOverlayNetwork: async (name, labels) => systemAdapter(docker).ensureNetwork(name, {labels, driver: 'overlay', attachable: true}),
		listServices: async () => (await docker.listServices()) as unknown as ListedService[],
		listTasks: async serviceId => (await docker.listTasks(serviceId ? {filters: JSON.stringify({service: [serviceId]})} : undefined)) as unknown as ListedTask[],
		inspectService: async id => (await docker.getService(id).inspect()) as unknown as ListedService,
	};
}
