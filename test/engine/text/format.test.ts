import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {describeCpu, formatAge, formatBytes, formatCpu, formatPercent} from '../../../source/engine/text/format.js';

describe('the shared figure formatter', () => {
	it('prints sizes in one-letter binary units, the same for CLI and console', () => {
		assert.deepEqual(
			[0, 512, 1536, 892 * 1024, 1023.9 * 1024, 45 * 1024 ** 2, 1.25 * 1024 ** 3, 3 * 1024 ** 4].map(formatBytes),
			['0B', '512B', '1.5K', '892K', '1.0M', '45M', '1.3G', '3.0T'],
		);
		assert.deepEqual([undefined, null, -1, Number.NaN].map(formatBytes), ['-', '-', '-', '-']);
	});

	it('prints CPU as a percent of one CPU, or of its limit with L', () => {
		assert.deepEqual([formatPercent(12.345), formatPercent(0), formatPercent(250), formatPercent(null)], ['12.3%', '0.0%', '250%', '-']);
		assert.deepEqual([formatCpu(45, 0.5), formatCpu(45, undefined), formatCpu(150, 2), formatCpu(undefined, 1)], ['90%L', '45.0%', '75%L', '-']);
		assert.deepEqual([describeCpu(45, 0.5), describeCpu(45, null)], ['45.0% of a 0.5 CPU limit', '45.0%']);
	});

	it('prints ages the way docker ps rounds them', () => {
		assert.deepEqual([0, 3_400, 59_999, 61_000, 3_599_000, 7_200_000, 3 * 86_400_000, -5].map(formatAge), ['0s', '3s', '59s', '1m', '59m', '2h', '3d', '0s']);
		assert.equal(formatAge(undefined), '-');
	});
});
