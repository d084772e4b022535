import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ProbeFailedError, ProbeTimeoutError} from '../../../source/engine/wait/errors.js';
import {judgeHealth} from '../../../source/engine/wait/healthcheck.js';
import {Wait} from '../../../source/engine/wait/factory.js';
import type {ContainerState} from '../../../source/engine/wait/types.js';
import {fakeProbes, flush, manualClock, state} from './fakes.js';

const target = {id: 'c1', name: 'db'};
const health = (status: string, failingStreak = 0, lastOutput = 'check output'): ContainerState => state({health: {status, failingStreak, retries: 3, lastOutput}});

/** Starts a healthcheck wait on fakes; returns handles to drive it. */
function start(states: ContainerState[], options: {failFast?: boolean; deadlineIn?: number} = {}) {
	const clock = manualClock();
	const order: string[] = [];
	let current = 0;
	const probes = fakeProbes({
		async inspect() {
			order.push('inspect');
			return states[Math.min(current++, states.length - 1)]!;
		},
	});
	const originalWatch = probes.watch.bind(probes);
	probes.watch = async (id, signal, onEvent) => {
		order.push('watch');
		await originalWatch(id, signal, onEvent);
	};
	let outcome: unknown = 'pending';
	const promise = Wait.forHealthcheck()
		.waitUntilReady(target, {signal: new AbortController().signal, deadline: clock.now() + (options.deadlineIn ?? 60_000), clock, probes, failFast: options.failFast})
		.then(() => (outcome = 'ready'), (error: unknown) => (outcome = error));
	return {clock, probes, order, promise, outcome: () => outcome};
}

describe('healthcheck wait (event-driven)', () => {
	it('subscribes to events before the first inspect, so nothing between them is missed', async () => {
		const run = start([health('starting')]);
		await flush();
		assert.deepEqual(run.order, ['watch', 'inspect']);
		assert.equal(run.outcome(), 'pending');
	});

	it('becomes ready on the health_status: healthy event, without polling', async () => {
		const run = start([health('starting')]);
		await flush();
		await run.clock.advance(30_000);
		assert.equal(run.outcome(), 'pending');
		assert.equal(run.order.filter(call => call === 'inspect').length, 1, 'no inspect while time passes without events');
		run.probes.emit({status: 'health_status: healthy'});
		await flush();
		assert.equal(run.outcome(), 'ready');
		assert.equal(run.probes.watching(), false, 'the event subscription is closed once ready');
	});

	it('is ready at once when the inspect already says healthy', async () => {
		const run = start([health('healthy')]);
		await flush();
		assert.equal(run.outcome(), 'ready');
	});

	it('unhealthy is not final before the deadline without fail-fast: it may still flip to healthy', async () => {
		const run = start([health('starting'), health('unhealthy', 3)]);
		await flush();
		run.probes.emit({status: 'health_status: unhealthy'});
		await flush();
		assert.equal(run.outcome(), 'pending');
		run.probes.emit({status: 'health_status: healthy'});
		await flush();
		assert.equal(run.outcome(), 'ready');
	});

	it('with fail-fast, unhealthy after the retries are exhausted fails at once with the check output', async () => {
		const run = start([health('starting'), health('unhealthy', 3, 'pg_isready: no response')], {failFast: true});
		await flush();
		run.probes.emit({status: 'health_status: unhealthy'});
		await flush();
		const error = run.outcome();
		assert.ok(error instanceof ProbeFailedError, String(error));
		assert.equal(error.probe, 'healthcheck');
		assert.equal(error.attempts, 3);
		assert.equal(error.lastOutput, 'pg_isready: no response');
	});

	it('the deadline gives a timeout naming the healthcheck and its last output', async () => {
		const run = start([health('starting', 2, 'not ready')], {deadlineIn: 5000});
		await flush();
		await run.clock.advance(5000);
		const error = run.outcome();
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.match(error.message, /^db: healthcheck probe not ready after 5\.0s \(2 attempts\); last output: not ready$/);
	});

	it('a container that dies fails at once', async () => {
		const run = start([health('starting'), state({running: false, status: 'exited', exitCode: 2, health: {status: 'unhealthy', failingStreak: 0, retries: 3}})]);
		await flush();
		run.probes.emit({status: 'die'});
		await flush();
		assert.ok(run.outcome() instanceof ProbeFailedError);
		assert.match(String(run.outcome()), /exited \(exit code 2\)/);
	});

	it('without a healthcheck: ready when running, named "running" when it is not', async () => {
		assert.equal((await (start([state()]).promise.then(() => 'ok'))), 'ok');
		const run = start([state({running: false, status: 'exited', exitCode: 1})]);
		await flush();
		const error = run.outcome();
		assert.ok(error instanceof ProbeFailedError);
		assert.equal(error.probe, 'running');
	});
});

describe('judgeHealth', () => {
	it('decides from one inspected state', () => {
		assert.deepEqual(judgeHealth(health('healthy'), false), {ready: true});
		assert.deepEqual(judgeHealth(health('unhealthy', 3, 'x'), false), {ready: false, output: 'x'});
		assert.deepEqual(judgeHealth(health('unhealthy', 2, 'x'), true), {ready: false, output: 'x'}, 'retries not yet exhausted');
		assert.equal(judgeHealth(health('unhealthy', 3, 'x'), true).ready, false);
		assert.deepEqual(judgeHealth(state({running: false, status: 'exited', exitCode: 0}), false), {ready: true}, 'a one-shot job that exited 0');
		assert.deepEqual(judgeHealth(state({running: false, status: 'created'}), false), {ready: false, output: 'container is created'});
	});
});
