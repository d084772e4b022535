import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ProbeTimeoutError} from '../../../source/engine/wait/errors.js';
import {judgeSwarmCompletion, judgeSwarmService, waitSwarmServiceReady} from '../../../source/engine/swarm/readiness.js';
import type {SwarmCapabilities, SwarmService, SwarmTask} from '../../../source/engine/swarm/types.js';
import {autoClock} from '../wait/fakes.js';

const containerSpec = {Image: 'busybox', Args: ['sleep', '1']};
const service = (overrides: Partial<SwarmService> = {}): SwarmService => ({
	id: 's1',
	name: 'stack_api',
	version: 3,
	spec: {TaskTemplate: {ContainerSpec: containerSpec, ForceUpdate: 1}} as SwarmService['spec'],
	replicas: 2,
	forceUpdate: 1,
	labels: {},
	...overrides,
});
const task = (id: string, state: string, sinceMs: number, overrides: Partial<SwarmTask> = {}): SwarmTask => ({
	id,
	desiredState: 'running',
	state,
	sinceMs,
	message: state,
	spec: {ContainerSpec: {Args: ['sleep', '1'], Image: 'busybox'}, ForceUpdate: 1},
	forceUpdate: 1,
	...overrides,
});

describe('judgeSwarmService', () => {
	it('is ready when every desired task of the current spec has run for the minimum uptime', () => {
		const verdict = judgeSwarmService(service(), [task('a', 'running', 1000), task('b', 'running', 2500)], 2000, 4500);
		assert.deepEqual(verdict, {ready: true, output: '2/2 tasks running for ≥2.0s (2 running)', taskIds: ['a', 'b']});
	});

	it('a task too young, or still starting (healthcheck not yet passed), is not ready', () => {
		assert.equal(judgeSwarmService(service(), [task('a', 'running', 1000), task('b', 'running', 4000)], 2000, 4500).ready, false);
		const verdict = judgeSwarmService(service(), [task('a', 'running', 1000), task('b', 'starting', 1000)], 2000, 4500);
		assert.equal(verdict.ready, false);
		assert.equal(verdict.output, '1/2 tasks running for ≥2.0s (1 running, 1 starting)');
	});

	it('tasks of the previous spec (before a forced update) do not count', () => {
		const old = {spec: {ContainerSpec: containerSpec, ForceUpdate: 0}, forceUpdate: 0};
		const verdict = judgeSwarmService(service({replicas: 1}), [task('old', 'running', 0, old)], 2000, 10_000);
		assert.equal(verdict.ready, false);
		assert.equal(verdict.output, '0/1 tasks running for ≥2.0s');
		const changedImage = {spec: {ContainerSpec: {...containerSpec, Image: 'other'}, ForceUpdate: 1}};
		assert.equal(judgeSwarmService(service({replicas: 1}), [task('x', 'running', 0, changedImage)], 2000, 10_000).ready, false);
	});

	it('names the newest failed task, and treats a paused update as final', () => {
		const tasks = [task('a', 'running', 0), task('b', 'failed', 500, {desiredState: 'shutdown', error: 'task: non-zero exit (1)', exitCode: 1})];
		assert.match(judgeSwarmService(service(), tasks, 0, 1000).output, /task b failed: task: non-zero exit \(1\) \(exit code 1\)/);
		const paused = judgeSwarmService(service({updateState: 'paused', updateMessage: 'update paused due to failure'}), tasks, 0, 1000);
		assert.equal(paused.final, 'update paused: update paused due to failure');
		assert.equal(judgeSwarmService(service({updateState: 'updating'}), [task('a', 'running', 0), task('b', 'running', 0)], 0, 1000).ready, false);
	});

	it('scaled to zero is ready once nothing runs', () => {
		assert.equal(judgeSwarmService(service({replicas: 0}), [task('a', 'running', 0, {desiredState: 'shutdown'})], 0, 1000).ready, false);
		assert.equal(judgeSwarmService(service({replicas: 0}), [task('a', 'shutdown', 0, {desiredState: 'shutdown'})], 0, 1000).ready, true);
	});
});

describe('judgeSwarmCompletion', () => {
	it('complete when every replica exited 0; a failed one-shot task is final', () => {
		assert.equal(judgeSwarmCompletion(service({replicas: 1}), [task('a', 'complete', 0, {desiredState: 'shutdown'})]).ready, true);
		const failed = judgeSwarmCompletion(service({replicas: 1}), [task('a', 'failed', 0, {desiredState: 'shutdown', exitCode: 3, error: 'task: non-zero exit (3)'})]);
		assert.equal(failed.final, 'one-shot task failed with exit code 3');
	});
});

describe('waitSwarmServiceReady', () => {
	it('polls the task list with capped backoff until ready; returns the ready task ids', async () => {
		const clock = autoClock(0);
		const states = ['starting', 'starting', 'running'];
		const swarm: Pick<SwarmCapabilities, 'findService' | 'stackServices' | 'tasks' | 'createService' | 'updateService' | 'ensureOverlayNetwork'> = {
			findService: async () => service({replicas: 1}),
			stackServices: async () => [],
			tasks: async () => [task('t1', states.shift() ?? 'running', 0)],
			createService: async () => '',
			updateService: async () => undefined,
			ensureOverlayNetwork: async () => undefined,
		};
		const ids = await waitSwarmServiceReady(swarm, 'stack_api', {signal: new AbortController().signal, deadline: 60_000, clock, minUptimeMs: 0, random: () => 0.5});
		assert.deepEqual(ids, ['t1']);
		assert.deepEqual(clock.sleeps, [250, 500]);
	});

	it('times out naming the probe and the tasks last state', async () => {
		const clock = autoClock(0);
		const swarm: Pick<SwarmCapabilities, 'findService' | 'stackServices' | 'tasks' | 'createService' | 'updateService' | 'ensureOverlayNetwork'> = {
			findService: async () => service({replicas: 1, labels: {'deckhand.ready.uptime': '5s'}}),
			stackServices: async () => [],
			tasks: async () => [task('t1', 'starting', 0)],
			createService: async () => '',
			updateService: async () => undefined,
			ensureOverlayNetwork: async () => undefined,
		};
		const error = await waitSwarmServiceReady(swarm, 'stack_api', {signal: new AbortController().signal, deadline: 3000, clock, random: () => 0.5}).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.equal(error.probe, 'tasks running ≥5.0s');
		assert.equal(error.lastOutput, '0/1 tasks running for ≥5.0s (1 starting)');
	});
});
