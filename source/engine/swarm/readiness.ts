/**
 * Readiness of a Swarm service: every desired task of the current spec is running, and has
 * been for at least the minimum uptime (task age: `deckhand.ready.uptime`, default 2 s). Swarm
 * itself keeps a task in `starting` until its healthcheck passes, so "running" already means
 * healthy for services with a healthcheck, on whatever node the task landed. Swarm has no
 * task events on the API, so this polls the task list with backoff (capped at 1 s).
 */
import {formatDuration} from '../duration.js';
import {readServiceSettings} from '../labels.js';
import {pollUntilReady, type PollContext} from '../wait/poll.js';
import type {SwarmCapabilities, SwarmService, SwarmTask} from './types.js';

/** Task age a Swarm service needs before it counts as ready, unless its labels say otherwise. */
export const defaultSwarmUptimeMs = 2000;

/** The minimum task age from a service's labels (`deckhand.ready.uptime`). */
export const swarmUptimeMs = (labels: Readonly<Record<string, string>>): number => readServiceSettings(labels).ready.uptimeMs ?? defaultSwarmUptimeMs;

/** Key-sorted JSON, so two equal specs compare equal whatever their key order. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		return `{${Object.keys(record).filter(k => record[k] !== undefined && record[k] !== null).sort().map(k => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** Whether a task was created from the service's current template (not a leftover of the previous one). */
export function isCurrentTask(service: SwarmService, task: SwarmTask): boolean {
	const taskSpec = task.spec as {ContainerSpec?: unknown} | undefined;
	return task.forceUpdate === service.forceUpdate && stableJson(taskSpec?.ContainerSpec) === stableJson((service.spec.TaskTemplate as {ContainerSpec?: unknown} | undefined)?.ContainerSpec);
}

/** A verdict on a service's tasks. */
export type SwarmVerdict = {readonly ready: boolean; readonly final?: string; readonly output: string; readonly taskIds: readonly string[]};

/** The most telling problem among the tasks: the newest error or failure message. */
function lastProblem(tasks: readonly SwarmTask[]): string | undefined {
	const failed = tasks.filter(task => task.error || ['failed', 'rejected'].includes(task.state)).sort((a, b) => b.sinceMs - a.sinceMs)[0];
	return failed ? `task ${failed.id.slice(0, 12)} ${failed.state}: ${failed.error ?? failed.message}${failed.exitCode ? ` (exit code ${failed.exitCode})` : ''}` : undefined;
}

/** Pure: is the service ready, given its tasks, the minimum task age and the time now (epoch ms)? */
export function judgeSwarmService(service: SwarmService, tasks: readonly SwarmTask[], minUptimeMs: number, now: number): SwarmVerdict {
	const current = tasks.filter(task => task.desiredState === 'running' && isCurrentTask(service, task));
	const desired = service.replicas ?? current.length;
	const running = current.filter(task => task.state === 'running');
	const aged = running.filter(task => now - task.sinceMs >= minUptimeMs);
	const states = [...new Set(current.map(task => task.state))].map(state => `${current.filter(task => task.state === state).length} ${state}`).join(', ');
	const problem = lastProblem(tasks.filter(task => isCurrentTask(service, task)));
	const output = `${aged.length}/${desired} tasks running for ≥${formatDuration(minUptimeMs)}${states ? ` (${states})` : ''}${problem ? `; ${problem}` : ''}`;
	if (service.updateState === 'paused' || service.updateState?.startsWith('rollback')) {
		return {ready: false, final: `update ${service.updateState}${service.updateMessage ? `: ${service.updateMessage}` : ''}`, output, taskIds: []};
	}
	if (desired === 0) {
		const stillRunning = tasks.filter(task => task.state === 'running').length;
		return {ready: stillRunning === 0, output: `${stillRunning} tasks still running, 0 desired`, taskIds: []};
	}
	const ready = service.updateState !== 'updating' && aged.length >= desired;
	return {ready, output, taskIds: aged.map(task => task.id)};
}

/** Pure: has a one-shot service (restart condition none) completed, every replica with exit 0? */
export function judgeSwarmCompletion(service: SwarmService, tasks: readonly SwarmTask[]): SwarmVerdict {
	const current = tasks.filter(task => isCurrentTask(service, task));
	const desired = service.replicas ?? 1;
	const complete = current.filter(task => task.state === 'complete');
	const failed = current.find(task => ['failed', 'rejected'].includes(task.state));
	const output = `${complete.length}/${desired} tasks complete${failed ? `; ${lastProblem([failed])}` : ''}`;
	if (failed && current.filter(task => task.desiredState === 'running' || task.state === 'complete').length === complete.length) {
		return {ready: false, final: `one-shot task ${failed.state}${failed.exitCode ? ` with exit code ${failed.exitCode}` : ''}`, output, taskIds: []};
	}
	return {ready: complete.length >= desired, output, taskIds: complete.map(task => task.id)};
}

/** Options of a Swarm wait. */
export type SwarmWaitOptions = PollContext & {
	/** Override the label's minimum task age. */
	readonly minUptimeMs?: number;
	/** Wait for completion (one-shot) instead of running. */
	readonly completion?: boolean;
};

/** Waits until `name` is ready (or completed); returns the ids of the tasks that made it. */
export async function waitSwarmServiceReady(swarm: Pick<SwarmCapabilities, 'findService' | 'tasks'>, name: string, options: SwarmWaitOptions): Promise<string[]> {
	const found = await swarm.findService(name);
	const minUptimeMs = options.minUptimeMs ?? swarmUptimeMs(found?.labels ?? {});
	const probe = options.completion ? 'tasks complete' : `tasks running ≥${formatDuration(minUptimeMs)}`;
	let taskIds: readonly string[] = [];
	await pollUntilReady({id: name, name}, probe, {backoffCapMs: 1000, ...options}, async () => {
		const service = await swarm.findService(name);
		if (!service) return {ok: false, output: 'no such service', final: `service ${name} does not exist`};
		const tasks = await swarm.tasks(service.id);
		const verdict = options.completion ? judgeSwarmCompletion(service, tasks) : judgeSwarmService(service, tasks, minUptimeMs, options.clock.now());
		taskIds = verdict.taskIds;
		return {ok: verdict.ready, output: verdict.output, final: verdict.final};
	});
	return [...taskIds];
}
