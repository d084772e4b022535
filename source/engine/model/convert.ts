/**
 * Pure conversions from the Docker API's JSON (list, inspect, services, tasks) to model
 * entries. Only the fields read here are typed, so engine code needs no Docker client types.
 */
import type {ContainerModel, ContainerState, Health, SwarmServiceModel, SwarmTaskModel} from './types.js';

const states = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

/** A known container state, `dead` for anything Docker might add later. */
export const toContainerState = (value: string | undefined): ContainerState => (states.has(value as ContainerState) ? (value as ContainerState) : 'dead');

/** Health in the list endpoint's Status text: `(healthy)`, `(health: starting)`, `(unhealthy)`. */
export function healthFromStatusText(status: string): Health {
	if (status.includes('(healthy)')) return 'healthy';
	if (status.includes('(unhealthy)')) return 'unhealthy';
	if (status.includes('health: starting')) return 'starting';
	return 'none';
}

/** Project and service of a container from compose or Swarm stack labels. */
export function projectAndService(labels: Readonly<Record<string, string>>): {project: string | null; service: string | null} {
	const compose = labels['com.docker.compose.project'];
	if (compose) return {project: compose, service: labels['com.docker.compose.service'] ?? null};
	const stack = labels['com.docker.stack.namespace'] ?? null;
	const swarmService = labels['com.docker.swarm.service.name'] ?? null;
	// Stack services are named `<stack>_<service>`; the model keeps the short name.
	const service = stack && swarmService?.startsWith(`${stack}_`) ? swarmService.slice(stack.length + 1) : swarmService;
	return {project: stack, service};
}

/** The list endpoint's entry, the fields the model reads. */
export type ListedContainer = {
	readonly Id: string;
	readonly Names?: readonly string[];
	readonly Image: string;
	readonly State: string;
	readonly Status: string;
	readonly Labels?: Record<string, string> | null;
	readonly Created: number;
	/** API 1.52+: the health state itself (older engines only put it in Status text). */
	readonly Health?: {readonly Status?: string} | null;
};

/** A container from the list endpoint (no start time there: null until inspected). */
export function containerFromList(entry: ListedContainer): ContainerModel {
	const labels = entry.Labels ?? {};
	// `Exited (1) 5 seconds ago`, and for a crash loop between runs `Restarting (1) 2 seconds ago`.
	const exit = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(entry.Status);
	const listed = entry.Health?.Status;
	const health = listed === 'healthy' || listed === 'unhealthy' || listed === 'starting' ? listed : healthFromStatusText(entry.Status);
	return {
		id: entry.Id,
		name: (entry.Names?.[0] ?? entry.Id.slice(0, 12)).replace(/^\//, ''),
		image: entry.Image,
		state: toContainerState(entry.State),
		health,
		healthcheck: health !== 'none',
		labels,
		...projectAndService(labels),
		createdAt: entry.Created * 1000,
		startedAt: null,
		exitCode: exit && entry.State !== 'restarting' ? Number(exit[1]) : null,
		lastExitCode: exit ? Number(exit[1]) : null,
		finishedAt: null,
		recentDies: [],
		// No restart count or CPU limit in a listing: inspect (or what was known) gives them.
	};
}

/** The inspect endpoint's answer, the fields the model reads. */
export type InspectedContainer = {
	readonly Id: string;
	readonly Name: string;
	readonly Created: string;
	readonly RestartCount?: number;
	readonly Config: {readonly Image: string; readonly Labels?: Record<string, string> | null; readonly Healthcheck?: {readonly Test?: readonly string[] | null} | null};
	readonly HostConfig?: {readonly NanoCpus?: number; readonly CpuQuota?: number; readonly CpuPeriod?: number} | null;
	readonly State: {readonly Status: string; readonly StartedAt?: string; readonly FinishedAt?: string; readonly ExitCode?: number; readonly Health?: {readonly Status?: string} | null};
};

/** The CPU limit in CPUs from `--cpus` (NanoCpus) or a CFS quota, null when unlimited. */
export function cpuLimitOf(host: InspectedContainer['HostConfig']): number | null {
	if (host?.NanoCpus && host.NanoCpus > 0) return host.NanoCpus / 1e9;
	if (host?.CpuQuota && host.CpuQuota > 0) return host.CpuQuota / (host.CpuPeriod && host.CpuPeriod > 0 ? host.CpuPeriod : 100_000);
	return null;
}

const time = (iso: string | undefined): number | null => {
	if (!iso || iso.startsWith('0001-')) return null;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? null : ms;
};

/** A container from inspect: every field, including health and start time. */
export function containerFromInspect(info: InspectedContainer): ContainerModel {
	const labels = info.Config.Labels ?? {};
	const health = info.State.Health?.Status;
	const state = toContainerState(info.State.Status);
	return {
		id: info.Id,
		name: info.Name.replace(/^\//, ''),
		image: info.Config.Image,
		state,
		health: health === 'starting' || health === 'healthy' || health === 'unhealthy' ? health : 'none',
		healthcheck: (info.Config.Healthcheck?.Test?.length ?? 0) > 0 && info.Config.Healthcheck?.Test?.[0] !== 'NONE',
		labels,
		...projectAndService(labels),
		createdAt: time(info.Created) ?? 0,
		startedAt: time(info.State.StartedAt),
		exitCode: state === 'exited' || state === 'dead' ? (info.State.ExitCode ?? null) : null,
		// Docker zeroes ExitCode when a container starts: a running container's last exit is
		// unknown here (the reducer keeps the one its die event carried).
		lastExitCode: state === 'running' || state === 'paused' ? null : (info.State.ExitCode ?? null),
		finishedAt: time(info.State.FinishedAt),
		restartCount: info.RestartCount ?? 0,
		recentDies: [],
		cpuLimit: cpuLimitOf(info.HostConfig),
	};
}

/** A service from the services endpoint. */
export type ListedService = {
	readonly ID: string;
	readonly Spec?: {
		readonly Name?: string;
		readonly Labels?: Record<string, string> | null;
		readonly Mode?: {readonly Replicated?: {readonly Replicas?: number}; readonly Global?: object};
		readonly TaskTemplate?: {readonly ContainerSpec?: {readonly Image?: string}};
	};
};

/** A Swarm service model; the image digest suffix is dropped for display. */
export function serviceFromList(entry: ListedService): SwarmServiceModel {
	const labels = entry.Spec?.Labels ?? {};
	const global = entry.Spec?.Mode?.Global !== undefined;
	return {
		id: entry.ID,
		name: entry.Spec?.Name ?? entry.ID.slice(0, 12),
		image: (entry.Spec?.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
		mode: global ? 'global' : 'replicated',
		replicas: global ? null : (entry.Spec?.Mode?.Replicated?.Replicas ?? 1),
		labels,
		stack: labels['com.docker.stack.namespace'] ?? null,
	};
}

/** A task from the tasks endpoint. */
export type ListedTask = {
	readonly ID: string;
	readonly ServiceID: string;
	readonly Slot?: number;
	readonly NodeID?: string;
	readonly DesiredState?: string;
	readonly Status?: {readonly State?: string; readonly Message?: string; readonly Err?: string; readonly ContainerStatus?: {readonly ContainerID?: string}};
};

/** A Swarm task model. */
export function taskFromList(entry: ListedTask): SwarmTaskModel {
	return {
		id: entry.ID,
		serviceId: entry.ServiceID,
		slot: entry.Slot ?? null,
		nodeId: entry.NodeID ?? null,
		state: entry.Status?.State ?? 'unknown',
		desiredState: entry.DesiredState ?? 'unknown',
		containerId: entry.Status?.ContainerStatus?.ContainerID ?? null,
		message: entry.Status?.Err ?? entry.Status?.Message ?? '',
	};
}
