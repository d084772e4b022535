import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {chartContainerIds, chartSeries} from '../../source/ui/chart/chart-series.js';
import type {StatsSample} from '../../source/ui/view/types.js';
import {demoView} from './fake-source.js';

describe('chart view data', () => {
	it('sums each service\'s containers per sample, busiest first, aligned to the newest sample', () => {
		const sample = (cpuPercent: number, mib: number): StatsSample => ({time: 0, cpuPercent, memoryBytes: mib * 1024 * 1024});
		const histories: Record<string, StatsSample[]> = {aaa111: [sample(1, 10), sample(2, 20)], bbb222: [sample(50, 5)]};
		const {cpu, memory} = chartSeries(demoView(), id => histories[id] ?? [], 2, 3);
		assert.deepEqual(cpu.map(series => series.title), ['db', 'api']);
		assert.deepEqual(cpu[0]!.y, [0, 0, 50]);
		assert.deepEqual(cpu[1]!.y, [0, 1, 2]);
		assert.deepEqual(memory[1]!.y, [0, 10, 20]);
		assert.deepEqual(cpu[0]!.x, ['2', '1', '0']);
	});

	it('watches the containers of every service and running standalone ones', () => {
		assert.deepEqual(chartContainerIds(demoView()), ['aaa111', 'bbb222', 'ccc333', 'ddd444']);
	});
});
