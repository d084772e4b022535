/**
 * `applyEvent(state, event)`: the pure reducer that keeps the model current. Returns the
 * same object when an event changes nothing, so callers detect changes by identity.
 */
import {projectAndService} from './convert.js';
import {recordDie} from './crash-loop.js';
import type {ContainerModel, DockerEvent, Health, ModelEvent, ModelState, SwarmTaskModel} from './types.js';

/** Event attributes that are not container labels. */
const nonLabelAttributes = new Set(['name', 'image', 'exitCode', 'signal', 'execID', 'container', 'oldName']);

/** A container known only from an event's attributes (inspect fills the rest later). */
function containerFromEvent(event: DockerEvent): ContainerModel {
	const labels: Record<string, string> = {};
	for (const [key, value] of Object.entries(event.attributes)) if (!nonLabelAttributes.has(key)) labels[key] = value;
	return {
		id: event.id,
		name: event.attributes.name ?? event.id.slice(0, 12),
		image: event.attributes.image ?? '',
		state: 'created',
		health: 'none',
		healthcheck: false,
		labels,
		...projectAndService(labels),
		createdAt: event.time,
		startedAt: null,
		exitCode: null,
		lastExitCode: null,
		finishedAt: null,
		restartCount: 0,
		recentDies: [],
		cpuLimit: null,
	};
}

const withContainer = (state: ModelState, container: ContainerModel): ModelState => ({...state, containers: {...state.containers, [container.id]: container}});

const withoutKey = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
	const copy = {...record};
	delete copy[key];
	return copy;
};

/** The health named by a `health_status: healthy` action, if valid. */
function healthFromAction(action: string): Health | undefined {
	const value = action.slice(action.indexOf(':') + 1).trim();
	return value === 'healthy' || value === 'unhealthy' || value === 'starting' ? value : undefined;
}

/** The new facts of a container after one of its events, or undefined when it does not change. */
function nextContainer(current: ContainerModel, event: DockerEvent): ContainerModel | undefined {
	const {action} = event;
	if (action === 'start' || action === 'restart') {
		// Docker resets a checked container to `starting` on every start.
		return {...current, state: 'running', startedAt: event.time, exitCode: null, health: current.healthcheck || current.health !== 'none' ? 'starting' : 'none'};
	}
	if (action === 'die') {
		const code = event.attributes.exitCode === undefined ? Number.NaN : Number(event.attributes.exitCode);
		const exitCode = Number.isFinite(code) ? code : current.exitCode;
		return {...current, state: 'exited', exitCode, lastExitCode: exitCode ?? current.lastExitCode ?? null, finishedAt: event.time, recentDies: recordDie(current.recentDies, event.time)};
	}
	if (action === 'stop') return current.state === 'running' || current.state === 'paused' || current.state === 'restarting' ? {...current, state: 'exited'} : undefined;
	if (action === 'pause') return {...current, state: 'paused'};
	if (action === 'unpause') return {...current, state: 'running'};
	if (action === 'rename' && event.attributes.name) return {...current, name: event.attributes.name.replace(/^\//, '')};
	if (action.startsWith('health_status')) {
		const health = healthFromAction(action);
		return health && health !== current.health ? {...current, health} : undefined;
	}
	return undefined;
}

function applyContainerEvent(state: ModelState, event: DockerEvent): ModelState {
	const known = state.containers[event.id];
	if (event.action === 'destroy') return known ? {...state, containers: withoutKey(state.containers, event.id)} : state;
	// exec_*, attach, resize, top, ... say nothing about the container's state.
	if (!known && !/^(create|start|restart|die|stop|pause|unpause|rename|health_status)/.test(event.action)) return state;
	const base = known ?? containerFromEvent(event);
	const next = nextContainer(base, event);
	if (next) return withContainer(state, next);
	return known ? state : withContainer(state, base);
}

/**
 * Inspect facts over what events said, except what only events know: the die times, and the
 * last exit code and time while inspect cannot tell them (Docker zeroes them on start).
 */
function mergeFacts(known: ContainerModel, facts: ContainerModel): ContainerModel {
	const finishedAt = Math.max(facts.finishedAt ?? 0, known.finishedAt ?? 0) || null;
	const merged: ContainerModel = {...facts, lastExitCode: facts.lastExitCode ?? known.lastExitCode ?? null, finishedAt, recentDies: known.recentDies ?? []};
	// A listing knows neither; keep what inspect said before.
	if (facts.restartCount === undefined && known.restartCount !== undefined) return {...merged, restartCount: known.restartCount, cpuLimit: known.cpuLimit ?? null};
	return merged;
}

/** A resync's listing, with the event-only history of containers that are still there. */
function keepHistory(before: ModelState, after: ModelState): ModelState {
	const carried = Object.values(after.containers).filter(container => before.containers[container.id]);
	if (carried.length === 0) return after;
	const containers = {...after.containers};
	for (const container of carried) containers[container.id] = mergeFacts(before.containers[container.id]!, container);
	return {...after, containers};
}

/** Applies one event or fact to the model. */
export function applyEvent(state: ModelState, modelEvent: ModelEvent): ModelState {
	switch (modelEvent.kind) {
		case 'resync':
			return keepHistory(state, modelEvent.state);
		case 'container-facts': {
			const known = state.containers[modelEvent.container.id];
			return withContainer(state, known ? mergeFacts(known, modelEvent.container) : modelEvent.container);
		}
		case 'container-gone':
			return state.containers[modelEvent.id] ? {...state, containers: withoutKey(state.containers, modelEvent.id)} : state;
		case 'service-facts': {
			const tasks: Record<string, SwarmTaskModel> = {};
			for (const task of Object.values(state.tasks)) if (task.serviceId !== modelEvent.serviceId) tasks[task.id] = task;
			for (const task of modelEvent.tasks) tasks[task.id] = task;
			const services = modelEvent.service ? {...state.services, [modelEvent.serviceId]: modelEvent.service} : withoutKey(state.services, modelEvent.serviceId);
			return {...state, services, tasks};
		}
		case 'docker': {
			const {event} = modelEvent;
			if (event.type === 'container') return applyContainerEvent(state, event);
			if (event.type === 'service' && event.action === 'remove') return applyEvent(state, {kind: 'service-facts', serviceId: event.id, service: null, tasks: []});
			return state;
		}
	}
}
