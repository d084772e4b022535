import assert from 'node:assert/strict';
import {describe, it, mock} from 'node:test';
import {createStatsHub, type StatsUpdate} from '../../../source/engine/stats/hub.js';
import type {StatsCounters, StatsSampler} from '../../../source/engine/stats/types.js';

/** A sampler whose containers emit when the test says so; records which are followed. */
function fakeSampler() {
	const active = new Map<string, (counters: StatsCounters) => void>();
	const sampler: StatsSampler = {
		kind: 'api',
		follow(id, onCounters, signal) {
			active.set(id, onCounters);
			signal.addEventListener('abort', () => active.delete(id), {once: true});
		},
	};
	const emit = (id: string, at: number, cpuNs: number) =>
		active.get(id)?.({at, cpuNs, systemNs: at * 2e6, onlineCpus: 2, memoryBytes: 10, memoryLimit: 100, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1});
	return {sampler, active, emit};
}

describe('stats hub', () => {
	it('streams only the containers asked for, and stops them on unsubscribe', () => {
		const {sampler, active} = fakeSampler();
		const hub = createStatsHub({sampler});
		const stopA = hub.subscribe(['a', 'b'], () => undefined);
		const stopB = hub.subscribe(['b', 'c'], () => undefined);
		assert.deepEqual([...active.keys()].sort(), ['a', 'b', 'c']);
		stopA();
		assert.deepEqual([...active.keys()].sort(), ['b', 'c'], 'b stays while the second subscriber wants it');
		stopB();
		assert.deepEqual([...active.keys()], []);
		assert.deepEqual(hub.streaming(), []);
	});

	it('an aborted signal unsubscribes', () => {
		const {sampler, active} = fakeSampler();
		const hub = createStatsHub({sampler});
		const controller = new AbortController();
		hub.subscribe(['a'], () => undefined, {signal: controller.signal});
		assert.equal(active.size, 1);
		controller.abort();
		assert.equal(active.size, 0);
	});

	it('delivers one batch per interval with every container, however many samples arrived', () => {
		mock.timers.enable({apis: ['setInterval']});
		try {
			const {sampler, emit} = fakeSampler();
			const hub = createStatsHub({sampler, intervalMs: 1000, now: () => 42});
			const updates: StatsUpdate[] = [];
			hub.subscribe(['a', 'b'], update => updates.push(update));
			for (let index = 0; index < 5; index++) {
				emit('a', 1000 + index * 100, index * 50_000_000);
				emit('b', 1000 + index * 100, 0);
			}
			assert.equal(updates.length, 0, 'nothing before the interval');
			mock.timers.tick(1000);
			assert.equal(updates.length, 1);
			assert.deepEqual([...updates[0]!.stats.keys()].sort(), ['a', 'b']);
			// 50 ms of CPU per 100 ms of wall time on 2 CPUs (system delta = 2 × wall) is 50 %.
			assert.equal(Math.round(updates[0]!.stats.get('a')!.cpuPercent), 50);
			mock.timers.tick(1000);
			assert.equal(updates.length, 1, 'no new samples, no update');
			hub.close();
		} finally {
			mock.timers.reset();
		}
	});

	it('keeps a bounded history per container', () => {
		const {sampler, emit} = fakeSampler();
		const hub = createStatsHub({sampler, historySize: 3});
		hub.subscribe(['a'], () => undefined);
		for (let index = 0; index < 5; index++) emit('a', index * 1000, index * 1e9);
		assert.deepEqual(hub.history('a').map(entry => entry.at), [2000, 3000, 4000]);
		assert.equal(hub.latest('a')?.at, 4000);
		hub.close();
	});

	it('a restart (CPU counter going back) starts the delta afresh instead of a negative figure', () => {
		const {sampler, emit} = fakeSampler();
		const hub = createStatsHub({sampler});
		hub.subscribe(['a'], () => undefined);
		emit('a', 1000, 5e9);
		emit('a', 2000, 1e6);
		assert.equal(hub.latest('a')?.cpuPercent, 0);
		hub.close();
	});
});
