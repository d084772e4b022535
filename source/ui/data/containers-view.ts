/**
 * The model as the console's rows read it (pure): containers with their service membership,
 * crash-loop flag and latest stats, and services grouped from them. Its own small module so
 * the first look (first-look.ts) can draw rows before the rest of the console has loaded.
 */
import {Label} from '../../engine/labels.js';
import {isCrashLooping} from '../../engine/model/crash-loop.js';
import type {ModelState} from '../../engine/model/types.js';
import type {ContainerView, ServiceView, StatsSample} from '../view/types.js';
import {groupServices, serviceOf} from './group-services.js';

/**
 * Containers and services as the console shows them, from the engine model (pure). CPU shows
 * from a container's second sample on: the first has no previous reading to measure against.
 */
export function containersFromModel(state: ModelState, samples: (id: string) => readonly StatsSample[] = () => [], now = Date.now()): {containers: ContainerView[]; services: ServiceView[]} {
	const models = Object.values(state.containers);
	const containers: ContainerView[] = models.map(model => {
		const membership = serviceOf(model.labels);
		const history = samples(model.id);
		const last = history.at(-1);
		const running = model.state === 'running';
		return {
			id: model.id, name: model.name, image: model.image, state: model.state, health: model.health,
			project: membership?.project, service: membership?.service,
			cpuPercent: running && history.length > 1 ? last?.cpuPercent : undefined, memoryBytes: running ? last?.memoryBytes : undefined,
			restartCount: model.restartCount ?? 0, lastExitCode: model.lastExitCode ?? model.exitCode, startedAtMs: model.startedAt, finishedAtMs: model.finishedAt ?? null,
			crashLooping: isCrashLooping(model, now), cpuLimit: model.cpuLimit ?? null,
		};
	});
	const swarmTasks = new Set(models.filter(model => model.labels[Label.swarmTaskId]).map(model => model.id));
	return {containers, services: groupServices(containers, container => swarmTasks.has(container.id))};
}
