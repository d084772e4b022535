/**
 * Services grouped by project or stack, derived from the model: compose services (their
 * containers), Swarm services (their tasks, and task containers on this node for figures)
 * and standalone containers. Pure; `deckhand status` and the console share it.
 */
import type {ContainerModel, ContainerState, Health, ModelState} from './types.js';
import {compareText} from '../text/compare.js';

/** The rolled-up state of a service. */
export type ServiceState = 'running' | 'degraded' | 'down' | ContainerState;

/** One service row. */
export type ServiceSummary = {
	readonly name: string;
	readonly kind: 'compose' | 'swarm' | 'container';
	readonly state: ServiceState;
	readonly health: Health;
	readonly replicas: {readonly running: number; readonly total: number};
	/** Summed over the service's running containers on this engine; null when none were sampled. */
	readonly cpuPercent: number | null;
	readonly memoryBytes: number | null;
	readonly containers: readonly string[];
};

/** One project (compose project or Swarm stack), or the standalone group (name null). */
export type ProjectSummary = {
	readonly name: string | null;
	readonly kind: 'compose' | 'stack' | 'standalone';
	readonly services: readonly ServiceSummary[];
};

/** Figures for one running container. */
export type ContainerFigures = {readonly cpuPercent: number; readonly memoryBytes: number};

/**
 * The one health roll-up order, worst first: unhealthy, starting, healthy, none. A container
 * without a healthcheck (`none`) says nothing about the service, so it never hides a checked
 * container's verdict: healthy + none → healthy; only a service with no check at all is `none`.
 */
export const healthRank: Readonly<Record<Health, number>> = {none: 0, healthy: 1, starting: 2, unhealthy: 3};
const stoppedRank: ContainerState[] = ['restarting', 'paused', 'removing', 'exited', 'created', 'dead'];

/** A service's health: the worst among its running containers that have a check (`healthRank`); `deckhand status` and the console both use it. */
export const worstHealth = (healths: readonly Health[]): Health => healths.reduce<Health>((worst, health) => (healthRank[health] > healthRank[worst] ? health : worst), 'none');

function figuresOf(ids: readonly string[], figures: ReadonlyMap<string, ContainerFigures>): {cpuPercent: number | null; memoryBytes: number | null} {
	const sampled = ids.map(id => figures.get(id)).filter((entry): entry is ContainerFigures => entry !== undefined);
	if (sampled.length === 0) return {cpuPercent: null, memoryBytes: null};
	return {cpuPercent: sampled.reduce((sum, entry) => sum + entry.cpuPercent, 0), memoryBytes: sampled.reduce((sum, entry) => sum + entry.memoryBytes, 0)};
}

/** A service made of containers (compose service or standalone container). */
function containerService(name: string, kind: 'compose' | 'container', containers: readonly ContainerModel[], figures: ReadonlyMap<string, ContainerFigures>): ServiceSummary {
	const running = containers.filter(container => container.state === 'running');
	const state: ServiceState =
		running.length === containers.length
			? 'running'
			: running.length > 0
				? 'degraded'
				: (stoppedRank.find(candidate => containers.some(container => container.state === candidate)) ?? 'down');
	const ids = containers.map(container => container.id).sort();
	return {
		name,
		kind,
		state,
		health: worstHealth(running.map(container => container.health)),
		replicas: {running: running.length, total: containers.length},
		...figuresOf(running.map(container => container.id), figures),
		containers: ids,
	};
}

const byName = <T extends {name: string | null}>(a: T, b: T) => (a.name === null ? 1 : b.name === null ? -1 : compareText(a.name, b.name));

/** Groups the model into projects and services; `figures` adds CPU and memory for running containers. */
export function summariseServices(state: ModelState, figures: ReadonlyMap<string, ContainerFigures> = new Map()): ProjectSummary[] {
	const projects = new Map<string, {kind: ProjectSummary['kind']; services: ServiceSummary[]}>();
	const project = (name: string | null, kind: ProjectSummary['kind']) => {
		const key = `${kind}:${name ?? ''}`;
		let entry = projects.get(key);
		if (!entry) projects.set(key, (entry = {kind, services: []}));
		return entry;
	};

	const composeServices = new Map<string, ContainerModel[]>();
	const taskContainers = new Map<string, ContainerModel[]>();
	for (const container of Object.values(state.containers)) {
		const swarmServiceId = container.labels['com.docker.swarm.service.id'];
		if (swarmServiceId) {
			taskContainers.set(swarmServiceId, [...(taskContainers.get(swarmServiceId) ?? []), container]);
		} else if (container.labels['com.docker.compose.oneoff'] === 'True') {
			project(null, 'standalone').services.push(containerService(container.name, 'container', [container], figures));
		} else if (container.project && container.service) {
			const key = JSON.stringify([container.project, container.service]);
			composeServices.set(key, [...(composeServices.get(key) ?? []), container]);
		} else {
			project(null, 'standalone').services.push(containerService(container.name, 'container', [container], figures));
		}
	}
	for (const [key, containers] of composeServices) {
		const [projectName, serviceName] = JSON.parse(key) as [string, string];
		project(projectName, 'compose').services.push(containerService(serviceName, 'compose', containers, figures));
	}

	for (const service of Object.values(state.services)) {
		const tasks = Object.values(state.tasks).filter(task => task.serviceId === service.id && task.desiredState === 'running');
		const running = tasks.filter(task => task.state === 'running').length;
		const total = service.replicas ?? tasks.length;
		const containers = (taskContainers.get(service.id) ?? []).filter(container => container.state === 'running');
		const name = service.stack && service.name.startsWith(`${service.stack}_`) ? service.name.slice(service.stack.length + 1) : service.name;
		project(service.stack, service.stack ? 'stack' : 'standalone').services.push({
			name,
			kind: 'swarm',
			state: total > 0 && running >= total ? 'running' : running > 0 ? 'degraded' : 'down',
			health: worstHealth(containers.map(container => container.health)),
			replicas: {running, total},
			...figuresOf(containers.map(container => container.id), figures),
			containers: containers.map(container => container.id).sort(),
		});
	}

	return [...projects.entries()]
		.map(([key, entry]) => ({name: entry.kind === 'standalone' ? null : key.slice(key.indexOf(':') + 1), kind: entry.kind, services: entry.services.sort(byName)}))
		.sort((a, b) => byName(a, b) || compareText(a.kind, b.kind));
}
