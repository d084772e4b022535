import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {ContainerHealthState, HealthRun} from '../../../source/engine/containers/inspect.js';
import {healthBaseline, judgeFreshHealth} from '../../../source/engine/reload/fresh-health.js';

const run = (start: number, exitCode: number, output = ''): HealthRun => ({start, end: start + 5, exitCode, output});
const state = (runs: HealthRun[], extra: Partial<ContainerHealthState> = {}): ContainerHealthState => ({
	id: 'c1',
	running: true,
	exitCode: 0,
	startedAt: '2026-01-01T00:00:00Z',
	health: {status: 'healthy', failingStreak: 0, retries: 2, startPeriodMs: 0, runs},
	...extra,
});

describe('judgeFreshHealth (only healthchecks that started after the action count)', () => {
	it('the baseline is the newest run before the action', () => {
		assert.equal(healthBaseline(state([run(100, 0), run(300, 0), run(200, 1)])), 300);
		assert.equal(healthBaseline(state([])), Number.NEGATIVE_INFINITY);
	});

	it('an old passing run does not make the service ready; a fresh one does', () => {
		assert.deepEqual(judgeFreshHealth(state([run(100, 0)]), 100), {verdict: 'waiting', attempts: 0, lastOutput: undefined});
		assert.deepEqual(judgeFreshHealth(state([run(100, 0), run(200, 0, 'ok')]), 100), {verdict: 'ready', lastOutput: 'ok'});
	});

	it('fresh failures below the retries keep waiting; reaching them fails with the last output', () => {
		assert.deepEqual(judgeFreshHealth(state([run(100, 0), run(200, 1, 'a')]), 100), {verdict: 'waiting', attempts: 1, lastOutput: 'a'});
		assert.deepEqual(judgeFreshHealth(state([run(100, 0), run(200, 1, 'a'), run(300, 1, 'b')]), 100), {
			verdict: 'failed',
			reason: 'healthcheck failed 2 times in a row',
			probe: 'healthcheck',
			attempts: 2,
			lastOutput: 'b',
		});
	});

	it('failures within the start period after the action do not count (the app is starting)', () => {
		const starting = state([run(100, 0), run(200, 1), run(300, 1), run(400, 1)]);
		const withPeriod = {...starting, health: {...starting.health!, startPeriodMs: 250}};
		assert.deepEqual(judgeFreshHealth(withPeriod, 100), {verdict: 'waiting', attempts: 1, lastOutput: ''});
		assert.equal(judgeFreshHealth(starting, 100).verdict, 'failed');
	});

	it('failures before the action do not count', () => {
		assert.equal(judgeFreshHealth(state([run(100, 1), run(200, 1), run(300, 1)]), 200).verdict, 'waiting');
	});

	it('a stopped container fails; one without healthcheck is ready while running', () => {
		assert.equal(judgeFreshHealth(state([], {running: false, exitCode: 137}), 0).verdict, 'failed');
		assert.deepEqual(judgeFreshHealth(state([], {health: undefined}), 0), {verdict: 'ready'});
	});
});
