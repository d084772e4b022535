/**
 * The event-driven wait across a dropped events stream, on fakes (the real daemon restart is
 * test/engines/wait-daemon-restart.test.ts): it subscribes again with backoff, inspects
 * again, and dates readiness by the evidence (event time, health log), never by when it noticed.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {healthySince} from '../../../source/engine/containers/inspect.js';
import {ProbeTimeoutError} from '../../../source/engine/wait/errors.js';
import {judgeHealth, readyTimeOf} from '../../../source/engine/wait/healthcheck.js';
import {stoppedContainer} from '../../../source/engine/wait/poll.js';
import {Wait} from '../../../source/engine/wait/factory.js';
import type {ContainerEvent, ContainerState} from '../../../source/engine/wait/types.js';
import {fakeProbes, flush, manualClock, state} from './fakes.js';

const t0 = 1_000_000;
const health = (status: string, readySince?: number): ContainerState => state({health: {status, failingStreak: 0, retries: 3, readySince}});
const iso = (ms: number) => new Date(ms).toISOString();

/** A healthcheck wait whose events stream the test can drop and whose inspects it scripts. */
function start(deadlineIn = 60_000) {
	const clock = manualClock(t0);
	let current: ContainerState | Error = health('starting');
	let onEnd: ((error?: Error) => void) | undefined;
	let onEvent: ((event: ContainerEvent) => void) | undefined;
	let refuse = 0;
	const calls: string[] = [];
	const probes = fakeProbes({
		async inspect() {
			calls.push('inspect');
			if (current instanceof Error) throw current;
			return current;
		},
		async watch(_id, _signal, listener, end) {
			calls.push('watch');
			if (refuse > 0) {
				refuse--;
				throw new Error('connect ECONNREFUSED docker.sock');
			}
			onEvent = listener;
			onEnd = end;
		},
	});
	let outcome: unknown = 'pending';
	void Wait.forHealthcheck()
		.waitUntilReady({id: 'c1', name: 'db'}, {signal: new AbortController().signal, deadline: t0 + deadlineIn, clock, probes, random: () => 0.5})
		.then(
			at => (outcome = at),
			(error: unknown) => (outcome = error),
		);
	return {
		clock,
		calls,
		outcome: () => outcome,
		set: (next: ContainerState | Error) => (current = next),
		refuse: (times: number) => (refuse = times),
		drop: () => onEnd?.(),
		emit: (event: ContainerEvent) => onEvent?.(event),
	};
}

describe('healthySince (pure)', () => {
	it('is the end of the first pass after the last failure; undefined while the newest check failed', () => {
		const run = (end: number, exitCode: number) => ({End: iso(end), ExitCode: exitCode});
		assert.equal(healthySince([run(t0, 1), run(t0 + 1000, 0), run(t0 + 2000, 0)]), t0 + 1000);
		assert.equal(healthySince([run(t0, 0), run(t0 + 1000, 1), run(t0 + 2000, 0)]), t0 + 2000);
		assert.equal(healthySince([run(t0, 0), run(t0 + 1000, 1)]), undefined);
		assert.equal(healthySince([]), undefined);
	});
});

describe('readyTimeOf (pure)', () => {
	it('takes the evidence, kept between the last not-ready sighting and now', () => {
		assert.equal(readyTimeOf(health('healthy', t0 + 500), t0, t0 + 9000), t0 + 500);
		assert.equal(readyTimeOf(health('healthy', t0 - 500), t0, t0 + 9000), t0, 'healthy before the wait began: ready at once');
		assert.equal(readyTimeOf(health('healthy', t0 + 20_000), t0, t0 + 9000), t0 + 9000, 'a skewed daemon clock never dates it in the future');
		assert.equal(readyTimeOf(health('healthy'), t0, t0 + 9000), t0 + 9000, 'no evidence: when it was seen');
		assert.equal(readyTimeOf(state({startedAt: t0 + 300}), t0, t0 + 9000), t0 + 300, 'no healthcheck: StartedAt');
	});
});

describe('a container stopped by a daemon restart (pure)', () => {
	it('is not final when its restart policy brings it back with the daemon; final otherwise', () => {
		const stopped = {running: false, status: 'exited', exitCode: 137};
		assert.equal(judgeHealth(state({...stopped, restartsWithDaemon: true, health: {status: 'starting', failingStreak: 0, retries: 3}}), false).ready, false);
		assert.equal((judgeHealth(state({...stopped, restartsWithDaemon: true}), false) as {final?: string}).final, undefined);
		assert.match((judgeHealth(state(stopped), false) as {final?: string}).final ?? '', /exited \(exit code 137\)/);
		assert.equal(stoppedContainer({...stopped, restartsWithDaemon: true}), undefined);
		assert.equal(stoppedContainer(stopped)?.final, 'container is exited (exit code 137)');
	});
});

describe('healthcheck wait across a dropped events stream', () => {
	it('subscribes again with backoff, inspects, and dates readiness by the health log, not by the resync', async () => {
		const run = start();
		await flush();
		assert.deepEqual(run.calls, ['watch', 'inspect']);
		await run.clock.advance(1000);
		run.drop();
		run.set(new Error('connect ECONNREFUSED docker.sock'));
		run.refuse(2);
		await run.clock.advance(250);
		await run.clock.advance(500);
		assert.deepEqual(run.calls.slice(2), ['watch', 'watch'], 'two refused re-subscriptions, backing off');
		assert.equal(run.outcome(), 'pending', 'an unreachable daemon is not an answer');
		// The container turned healthy while no events could arrive.
		run.set(health('healthy', t0 + 1500));
		await run.clock.advance(1000);
		assert.deepEqual(run.calls.slice(4), ['watch', 'inspect'], 'subscribed again, then inspected');
		assert.equal(run.outcome(), t0 + 1500, 'ready when the health log says, not at the resync');
	});

	it('keeps waiting after a resync that finds it not ready, and takes the next event', async () => {
		const run = start();
		await flush();
		run.drop();
		await run.clock.advance(250);
		assert.equal(run.outcome(), 'pending');
		await run.clock.advance(4000);
		run.emit({status: 'health_status: healthy', epochMs: t0 + 4100});
		await flush();
		assert.equal(run.outcome(), t0 + 4100, "the event's own time");
	});

	it('fails at its deadline when it never becomes ready, naming the dropped stream', async () => {
		const run = start(5000);
		await flush();
		run.drop();
		run.set(new Error('connect ECONNREFUSED docker.sock'));
		run.refuse(100);
		for (let elapsed = 0; elapsed < 5000; elapsed += 250) await run.clock.advance(250);
		const error = run.outcome();
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.match(error.message, /not ready after 5\.0s .*events stream dropped: connect ECONNREFUSED/s);
	});

	it('a final inspect that finds it healthy at the deadline dates it by the evidence, not the deadline', async () => {
		const run = start(5000);
		await flush();
		run.drop();
		run.refuse(100);
		run.set(health('healthy', t0 + 2000));
		for (let elapsed = 0; elapsed < 5000; elapsed += 250) await run.clock.advance(250);
		assert.equal(run.outcome(), t0 + 2000);
	});
});
