import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {computeStats, cpuPercent} from '../../../source/engine/stats/compute.js';
import {countersFromApi, statsFromApi, type DockerStatsJson} from '../../../source/engine/stats/from-api.js';
import type {StatsCounters} from '../../../source/engine/stats/types.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/stats/${name}`, import.meta.url), 'utf8')) as DockerStatsJson;

describe('docker stats figures from captured API documents', () => {
	it('a busy loop (cgroup v1): CPU from the precpu delta, memory without total_inactive_file', () => {
		const stats = statsFromApi('busy', fixture('busy-half-cpu-v1.json'));
		assert.deepEqual(stats, {
			id: 'busy',
			at: Date.parse('2026-11-23T23:52:20.301698449Z'),
			cpuPercent: ((26_874_085_396 - 26_772_323_001) / (1_181_720_000_000 - 1_179_490_000_000)) * 2 * 100,
			memoryBytes: 1_560_576 - 49_152,
			memoryLimit: 25_276_026_880,
			memoryPercent: ((1_560_576 - 49_152) / 25_276_026_880) * 100,
			netRxBytes: 0,
			netTxBytes: 0,
			blockReadBytes: 0,
			blockWriteBytes: 0,
			pids: 1,
		});
	});

	it('an idle container with a 64 MiB limit reads 0% CPU and its memory as a share of the limit', () => {
		const stats = statsFromApi('idle', fixture('memory-limited-v1.json'));
		assert.equal(stats.cpuPercent, 0);
		assert.equal(stats.memoryBytes, 8_966_144);
		assert.equal(stats.memoryLimit, 67_108_864);
		assert.equal(stats.memoryPercent, (8_966_144 / 67_108_864) * 100);
	});

	it('a cgroup v2 document: inactive_file, lowercase block ops, networks summed', () => {
		const counters = countersFromApi(fixture('with-network-and-blkio-v2.json'));
		assert.deepEqual(
			{memory: counters.memoryBytes, rx: counters.netRxBytes, tx: counters.netTxBytes, read: counters.blockReadBytes, write: counters.blockWriteBytes},
			{memory: 1_560_576 - 49_152, rx: 1234 + 1000, tx: 567 + 33, read: 4096 + 100, write: 8192},
		);
	});

	it('the first document of a stream (no precpu reading) reads 0% rather than a made-up figure', () => {
		const json = {...fixture('busy-half-cpu-v1.json'), precpu_stats: {cpu_usage: {total_usage: 0}}};
		assert.equal(statsFromApi('first', json).cpuPercent, 0);
	});

	it('inactive file larger than usage leaves usage alone (as the docker CLI does)', () => {
		const counters = countersFromApi({memory_stats: {usage: 100, limit: 1000, stats: {total_inactive_file: 500}}});
		assert.equal(counters.memoryBytes, 100);
	});
});

describe('CPU % between two readings', () => {
	const reading = (at: number, cpuNs: number, systemNs?: number): StatsCounters => ({
		at, cpuNs, systemNs, onlineCpus: 2, memoryBytes: 0, memoryLimit: 0, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 0,
	});

	it('uses the host CPU delta when both readings have one', () => {
		assert.equal(cpuPercent(reading(0, 0, 0), reading(1000, 500_000_000, 2_000_000_000)), 50);
	});

	it('falls back to wall time × CPUs without host counters', () => {
		assert.equal(cpuPercent(reading(0, 0), reading(1000, 250_000_000)), 25);
	});

	it('is 0 without a previous reading or when the counter went backwards', () => {
		assert.equal(cpuPercent(undefined, reading(1000, 5)), 0);
		assert.equal(cpuPercent(reading(0, 10, 0), reading(1000, 5, 1000)), 0);
	});

	it('computeStats carries the counters and derives the percentages', () => {
		const current = {...reading(2000, 1_000_000_000, 4_000_000_000), memoryBytes: 50, memoryLimit: 200, pids: 3};
		assert.deepEqual(computeStats('c', reading(1000, 0, 2_000_000_000), current), {
			id: 'c', at: 2000, cpuPercent: 100, memoryBytes: 50, memoryLimit: 200, memoryPercent: 25, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 3,
		});
	});
});
