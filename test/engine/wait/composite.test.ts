import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ProbeTimeoutError} from '../../../source/engine/wait/errors.js';
import {Wait} from '../../../source/engine/wait/factory.js';
import {probesFromLabels} from '../../../source/engine/wait/from-labels.js';
import {autoClock, fakeProbes, state} from './fakes.js';

const target = {id: 'c1', name: 'web'};

describe('all-of composite', () => {
	it('is ready only when every probe is', async () => {
		const clock = autoClock();
		let execs = 0;
		let connects = 0;
		const probes = fakeProbes({
			inspect: async () => state(),
			exec: async () => ({ok: ++execs >= 2, output: ''}),
			connectTcp: async () => ({ok: ++connects >= 4, output: 'ECONNREFUSED'}),
		});
		await Wait.forAll([Wait.forExec('a'), Wait.forTcp(80)]).waitUntilReady(target, {signal: new AbortController().signal, deadline: clock.now() + 60_000, clock, probes, random: () => 0.5});
		assert.equal(execs, 2);
		assert.equal(connects, 4);
	});

	it('shares one deadline and fails with the probe that did not make it', async () => {
		const clock = autoClock();
		const probes = fakeProbes({
			inspect: async () => state(),
			exec: async () => ({ok: true, output: ''}),
			connectTcp: async () => ({ok: false, output: 'ECONNREFUSED'}),
		});
		const error = await Wait.forAll([Wait.forExec('a'), Wait.forTcp(80)])
			.waitUntilReady(target, {signal: new AbortController().signal, deadline: clock.now() + 4000, clock, probes, random: () => 0.5})
			.then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof ProbeTimeoutError, String(error));
		assert.equal(error.probe, 'tcp:80');
		assert.equal(error.lastOutput, 'ECONNREFUSED');
		assert.equal(clock.now(), 1_000_000 + 4000);
	});
});

describe('probesFromLabels', () => {
	it('reads every deckhand.ready.* probe', () => {
		const labels = {
			'deckhand.ready.exec': 'test -f /ok',
			'deckhand.ready.tcp': '5432',
			'deckhand.ready.http': '8080/healthz',
			'deckhand.ready.http_status': '200-204',
			'deckhand.ready.log': 'ready to accept',
			'deckhand.ready.uptime': '3s',
		};
		assert.deepEqual(probesFromLabels(labels).map(s => s.probe), ['exec:test -f /ok', 'tcp:5432', 'http:8080/healthz', 'log:ready to accept', 'uptime:3.0s']);
	});

	it('falls back to the healthcheck (running when there is none)', () => {
		assert.deepEqual(probesFromLabels({'com.docker.compose.service': 'db'}).map(s => s.probe), ['healthcheck']);
		assert.deepEqual(probesFromLabels().map(s => s.probe), ['healthcheck']);
	});
});
