import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {chartContainerIds, chartSeries, chartSubject, chartWatchIds} from '../../source/ui/chart/chart-series.js';
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

	it('says what it lists: services, containers, or both', () => {
		const view = demoView();
		assert.equal(chartSubject(view), 'service and container');
		assert.equal(chartSubject({...view, services: []}), 'container');
		assert.equal(chartSubject({...view, containers: view.containers.filter(container => container.service)}), 'service');
	});

	it('watches nothing new (keeping the seeded history) until the model has listed containers', () => {
		assert.equal(chartWatchIds({...demoView(), services: [], containers: []}), undefined);
		assert.deepEqual(chartWatchIds(demoView()), ['aaa111', 'bbb222', 'ccc333', 'ddd444']);
	});
});
