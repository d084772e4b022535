/**
 * Stopping a project's services in dependency order, level by level: every container of one
 * level of the reverse dependency graph is stopped at once (each with its own grace period
 * and stop signal), and the next level starts only when the whole level has stopped. `down`
 * and `restart --with-dependents` both stop through here.
 */
import type {ComposeProject} from '../../compose/types.js';
import type {EnginePorts, StopOptions} from '../../ports/index.js';
import {stopLevels} from '../../plan/stop-levels.js';
import type {RunningProject} from './running.js';

/** Progress of a stop: a container stopping, stopped, or (for `down`) removed; `level` counts from 0. */
export type StopEvent = {readonly type: 'stopping' | 'stopped' | 'removed'; readonly service: string; readonly container: string; readonly level: number};

/** Per-service stop settings: grace period (seconds) and signal. */
export type StopSettings = Readonly<Record<string, StopOptions>>;

/** The compose file's `stop_grace_period` and `stop_signal`, per service (unset: the container's own). */
export function stopSettingsOf(project: Pick<ComposeProject, 'services'>): StopSettings {
	return Object.fromEntries(
		Object.values(project.services).map(service => [
			service.name,
			{
				...(service.stopGracePeriodMs === undefined ? {} : {timeoutSeconds: Math.ceil(service.stopGracePeriodMs / 1000)}),
				...(service.stopSignal ? {signal: service.stopSignal} : {}),
			},
		]),
	);
}

/** Options of `stopInOrder`. */
export type StopInOrderOptions = {
	readonly settings?: StopSettings;
	/** Remove each container once stopped (`down`), anonymous volumes too with `volumes`. */
	readonly remove?: {readonly volumes: boolean};
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: StopEvent) => void;
};

/** Stops `services` of a running project level by level; returns the levels as stopped. */
export async function stopInOrder(ports: Pick<EnginePorts, 'containers'>, running: RunningProject, services: readonly string[], options: StopInOrderOptions = {}): Promise<string[][]> {
	const levels = stopLevels(running, services);
	for (const [level, names] of levels.entries()) {
		options.signal?.throwIfAborted();
		await Promise.all(
			names.flatMap(service =>
				(running.containers[service] ?? []).map(async container => {
					const event = {service, container: container.name, level};
					options.onEvent?.({type: 'stopping', ...event});
					await ports.containers.stop(container.id, options.settings?.[service]);
					options.onEvent?.({type: 'stopped', ...event});
					if (!options.remove) return;
					await ports.containers.remove(container.id, {volumes: options.remove.volumes});
					options.onEvent?.({type: 'removed', ...event});
				}),
			),
		);
	}
	return levels;
}
