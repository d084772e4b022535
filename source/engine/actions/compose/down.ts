/**
 * `down`: stop and remove a project's containers in reverse dependency order, one level of
 * the graph at a time with everything in a level stopped together (stop.ts), then its
 * networks; named volumes only when asked.
 */
import {Label} from '../../labels.js';
import type {EnginePorts} from '../../ports/index.js';
import {listContainers} from '../../containers/resolve.js';
import {runningProject} from './running.js';
import {stopInOrder, type StopEvent, type StopSettings} from './stop.js';

/** Progress of `down`. */
export type DownEvent = StopEvent;

/** Options of `downProject`. */
export type DownOptions = {
	readonly volumes?: boolean;
	/** Grace periods and stop signals from the compose file, when there is one. */
	readonly settings?: StopSettings;
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: DownEvent) => void;
};

/** Stops and removes the project; returns the services in the order they were removed (level by level). */
export async function downProject(ports: Pick<EnginePorts, 'containers' | 'system'>, projectName: string, options: DownOptions = {}): Promise<{services: string[]; levels: string[][]; resources: string[]}> {
	const running = runningProject(await listContainers(ports, projectName));
	const levels = await stopInOrder(ports, running, Object.keys(running.services), {
		settings: options.settings,
		remove: {volumes: options.volumes ?? false},
		signal: options.signal,
		onEvent: options.onEvent,
	});
	const resources = await ports.system.removeLabelled(`${Label.composeProject}=${projectName}`, {volumes: options.volumes ?? false});
	return {services: levels.flat(), levels, resources};
}
