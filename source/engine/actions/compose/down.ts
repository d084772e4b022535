/**
 * `down`: stop and remove a project's containers in reverse dependency order (dependents
 * first), then its networks; named volumes only when asked.
 */
import type Docker from 'dockerode';
import {listProjectContainers, removeContainerById, removeProjectResources, stopContainerById} from '../../../docker/compose-containers.js';
import {dependencyOrder} from '../../plan/graph.js';
import {runningProject} from './running.js';

/** Progress of `down`. */
export type DownEvent = {readonly type: 'stopping' | 'removed'; readonly service: string; readonly container: string};

/** Options of `downProject`. */
export type DownOptions = {
	readonly volumes?: boolean;
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: DownEvent) => void;
};

/** Stops and removes the project; returns the services in the order they were removed. */
export async function downProject(docker: Docker, projectName: string, options: DownOptions = {}): Promise<{services: string[]; resources: string[]}> {
	const running = runningProject(await listProjectContainers(docker, projectName));
	const order = dependencyOrder(running).reverse();
	for (const service of order) {
		options.signal?.throwIfAborted();
		// Replicas of one service have no order among them.
		await Promise.all(
			running.containers[service]!.map(async container => {
				options.onEvent?.({type: 'stopping', service, container: container.name});
				await stopContainerById(docker, container.id);
				await removeContainerById(docker, container.id, options.volumes);
				options.onEvent?.({type: 'removed', service, container: container.name});
			}),
		);
	}
	const resources = await removeProjectResources(docker, projectName, options.volumes ?? false);
	return {services: order, resources};
}
