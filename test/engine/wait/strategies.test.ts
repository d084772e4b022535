import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ProbeFailedError, ProbeTimeoutError} from '../../../source/engine/wait/errors.js';
import {Wait} from '../../../source/engine/wait/factory.js';
import type {WaitContext} from '../../../source/engine/wait/types.js';
import {autoClock, fakeProbes, state} from './fakes.js';

const target = {id: 'c1', name: 'api'};
const context = (probes: WaitContext['probes'], clock = autoClock(), deadlineIn = 10_000): WaitContext => ({
	signal: new AbortController().signal,
	deadline: clock.now() + deadlineIn,
	clock,
	probes,
	random: () => 0.5,
});

describe('exec probe', () => {
	it('retries with backoff (250, 500, 1000 ms) until the command exits 0', async () => {
		const clock = autoClock();
		let attempts = 0;
		const probes = fakeProbes({
			async exec(_id, command) {
				assert.deepEqual(command, ['sh', '-c', 'test -f /tmp/ok']);
				return ++attempts < 4 ? {ok: false, output: 'exit code 1'} : {ok: true, output: ''};
			},
			inspect: async () => state(),
		});
		await Wait.forExec('test -f /tmp/ok').waitUntilReady(target, context(probes, clock));
		assert.equal(attempts, 4);
		assert.deepEqual(clock.sleeps, [250, 500, 1000]);
	});

	it('times out naming the probe, the attempts and the last output', async () => {
		const probes = fakeProbes({exec: async () => ({ok: false, output: 'not yet (exit code 1)'}), inspect: async () => state()});
		const error = await Wait.forExec('check').waitUntilReady(target, context(probes, autoClock(), 3000)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.equal(error.probe, 'exec:check');
		// Attempts at 0, 250, 750 and 1750 ms; the next backoff is cut to end at the 3 s deadline.
		assert.equal(error.attempts, 4);
		assert.equal(error.lastOutput, 'not yet (exit code 1)');
		assert.match(error.message, /^api: exec:check probe not ready after 3\.0s \(4 attempts\); last output: not yet \(exit code 1\)$/);
		assert.equal(error.exitCode, 1);
	});

	it('stops at once when the container has exited', async () => {
		const probes = fakeProbes({exec: async () => ({ok: false, output: 'container not running'}), inspect: async () => state({running: false, status: 'exited', exitCode: 137})});
		const error = await Wait.forExec('check').waitUntilReady(target, context(probes)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeFailedError, String(error));
		assert.equal(error.attempts, 1);
		assert.match(error.message, /exited \(exit code 137\)/);
	});

	it('cuts off an attempt that is still running at the deadline', async () => {
		const clock = autoClock();
		const probes = fakeProbes({exec: async (_id, _command, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))});
		const error = await Wait.forExec('hang').waitUntilReady(target, context(probes, clock, 2000)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.match(error.lastOutput ?? '', /attempt 1 still running at the deadline/);
	});

	it('an aborted signal rejects with its reason instead of a timeout', async () => {
		const controller = new AbortController();
		const probes = fakeProbes({
			exec: async () => {
				controller.abort(new Error('user cancelled'));
				return {ok: false, output: 'no'};
			},
			inspect: async () => state(),
		});
		await assert.rejects(Wait.forExec('x').waitUntilReady(target, {...context(probes), signal: controller.signal}), /user cancelled/);
	});
});

describe('tcp and http probes', () => {
	it('tcp connects to the published host port of the container port', async () => {
		const ports: number[] = [];
		const probes = fakeProbes({
			inspect: async () => state({publishedPorts: {80: 32768}}),
			connectTcp: async port => {
				ports.push(port);
				return {ok: ports.length > 1, output: 'ECONNREFUSED'};
			},
		});
		await Wait.forTcp(80).waitUntilReady(target, context(probes));
		assert.deepEqual(ports, [32768, 32768]);
	});

	it('tcp uses the port itself when it is not published (host network)', async () => {
		const probes = fakeProbes({inspect: async () => state(), connectTcp: async port => ({ok: port === 8080, output: ''})});
		await Wait.forTcp(8080).waitUntilReady(target, context(probes));
	});

	it('http is ready only for a status inside the range, and reports the last status', async () => {
		const statuses = [503, 404, 204];
		const probes = fakeProbes({inspect: async () => state(), httpGet: async () => {
			const status = statuses.shift()!;
			return {ok: false, status, output: `HTTP ${status}`};
		}});
		await Wait.forHttp(8080, '/healthz', [200, 299]).waitUntilReady(target, context(probes));
		assert.equal(statuses.length, 0);

		const failing = fakeProbes({inspect: async () => state(), httpGet: async () => ({ok: false, status: 500, output: 'HTTP 500 boom'})});
		const error = await Wait.forHttp(8080, '/healthz').waitUntilReady(target, context(failing, autoClock(), 1000)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError);
		assert.equal(error.probe, 'http:8080/healthz');
		assert.equal(error.lastOutput, 'HTTP 500 boom (want 200-399)');
	});
});

describe('log probe', () => {
	it('matches a line of the output since the container started', async () => {
		const outputs = ['booting\n', 'booting\nlistening on :80\n'];
		const since: number[] = [];
		const probes = fakeProbes({
			inspect: async () => state({startedAt: 1234}),
			logs: async (_id, sinceMs) => {
				since.push(sinceMs);
				return outputs.shift()!;
			},
		});
		await Wait.forLog('listening on :\\d+').waitUntilReady(target, context(probes));
		assert.deepEqual(since, [1234, 1234]);
	});

	it('a timeout shows the last lines the container printed', async () => {
		const probes = fakeProbes({inspect: async () => state(), logs: async () => 'a\nb\nc\nstill starting\n'});
		const error = await Wait.forLog('ready').waitUntilReady(target, context(probes, autoClock(), 500)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError);
		assert.equal(error.lastOutput, 'b\nc\nstill starting');
	});
});

describe('uptime probe', () => {
	it('sleeps exactly the missing time, then checks the container did not restart', async () => {
		const clock = autoClock(10_000);
		const probes = fakeProbes({inspect: async () => state({startedAt: 9000})});
		await Wait.forUptime(5000).waitUntilReady(target, context(probes, clock));
		assert.deepEqual(clock.sleeps, [4000]);
	});

	it('a restart in between starts the count again', async () => {
		const clock = autoClock(10_000);
		const starts = [9000, 13_500, 13_500];
		const probes = fakeProbes({inspect: async () => state({startedAt: starts.shift()!})});
		await Wait.forUptime(5000).waitUntilReady(target, context(probes, clock));
		assert.deepEqual(clock.sleeps, [4000, 4500]);
	});

	it('cannot be met before the deadline: times out saying how long it ran', async () => {
		const clock = autoClock(10_000);
		const probes = fakeProbes({inspect: async () => state({startedAt: 10_000})});
		const error = await Wait.forUptime(60_000).waitUntilReady(target, context(probes, clock, 2000)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError);
		assert.equal(error.lastOutput, 'running for 2.0s, needs 1m00s');
	});

	it('an exited container fails at once', async () => {
		const probes = fakeProbes({inspect: async () => state({running: false, status: 'exited', exitCode: 1})});
		await assert.rejects(Wait.forUptime(1000).waitUntilReady(target, context(probes)), ProbeFailedError);
	});
});

describe('exec probe against a stopped container', () => {
	it('an exec the daemon refuses, on a container that exited, fails at once instead of retrying to the deadline', async () => {
		const probes = fakeProbes({
			exec: async () => {
				throw new Error('container abc is not running');
			},
			inspect: async () => state({running: false, status: 'exited', exitCode: 1}),
		});
		const error = await Wait.forExec('check').waitUntilReady(target, context(probes)).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeFailedError, String(error));
		assert.equal(error.lastOutput, 'container abc is not running');
	});
});
