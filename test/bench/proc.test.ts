import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cpuPercent, median, parseCpuTicks, parseStatusBytes, percentile} from '../../bench/lib/proc.js';

describe('bench /proc parsers', () => {
	it('reads utime + stime after a command name with spaces and parentheses', () => {
		const stat = '4242 (node (x) y) S 1 4242 4242 34816 4242 4194304 2310 0 0 0 150 27 0 0 20 0 11 0 12345 1000 2000';
		assert.equal(parseCpuTicks(stat), 177);
	});

	it('reads VmHWM in bytes, undefined when absent', () => {
		const status = 'Name:\tnode\nVmPeak:\t  900 kB\nVmHWM:\t   65536 kB\nVmRSS:\t 60000 kB\n';
		assert.equal(parseStatusBytes(status, 'VmHWM'), 65536 * 1024);
		assert.equal(parseStatusBytes(status, 'VmSwap'), undefined);
	});

	it('turns ticks over a window into percent of one core', () => {
		assert.equal(cpuPercent(1000, 1600, 60_000, 100), 10);
	});

	it('takes the median of odd and even counts', () => {
		assert.equal(median([5, 1, 3]), 3);
		assert.equal(median([4, 1, 3, 2]), 2.5);
		assert.ok(Number.isNaN(median([])));
	});
});

describe('bench percentiles', () => {
	it('takes the nearest rank: p50 and p95 of 1..20', () => {
		const values = Array.from({length: 20}, (_, index) => 20 - index);
		assert.equal(percentile(values, 50), 10);
		assert.equal(percentile(values, 95), 19);
		assert.ok(Number.isNaN(percentile([], 95)));
	});
});
