import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {correctIncrementalWrite} from '../../../source/ui/ink-output.js';
import {alignRight, fit, formatBytes, formatPercent, sparkline, wrapLine} from '../../../source/ui/view/format.js';
import {allocateHeights, frameSize, leftWidth, windowStart} from '../../../source/ui/view/layout.js';
import {formatRow, healthGlyph, panelRows} from '../../../source/ui/view/rows.js';
import {groupServices, serviceOf} from '../../../source/ui/data/group-services.js';
import {demoView} from '../fake-source.js';

const counts = (services: number, containers = 0, images = 0, volumes = 0, networks = 0) => ({engine: 0, services, containers, images, volumes, networks});

describe('layout', () => {
	it('keeps the frame one line shorter than the terminal', () => {
		assert.deepEqual(frameSize(80, 24), {width: 80, height: 23});
		assert.deepEqual(frameSize(200, 50), {width: 200, height: 49});
		assert.deepEqual(frameSize(undefined, undefined), {width: 80, height: 23});
	});

	it('splits the width: a narrow left column at 80, about a third at 200', () => {
		assert.equal(leftWidth(80), 32);
		assert.equal(leftWidth(200), 56);
	});

	it('gives the focused list what it needs and never more lines than there are', () => {
		const heights = allocateHeights(20, counts(300, 5, 3, 2, 4), 'services');
		const total = Object.values(heights).reduce((sum, value) => sum + value, 0) + 6;
		assert.ok(total <= 20, `uses ${total} of 20`);
		assert.ok(heights.services >= 8, `services gets ${heights.services}`);
		assert.equal(heights.engine, 2);
		const small = allocateHeights(46, counts(3, 2, 1, 0, 4), 'containers');
		assert.deepEqual(small, {engine: 2, services: 3, containers: 2, images: 1, volumes: 0, networks: 4});
	});

	it('windows a long list around the cursor', () => {
		assert.equal(windowStart(10, 3, 20), 0);
		assert.equal(windowStart(300, 0, 10), 0);
		assert.equal(windowStart(300, 100, 10), 95);
		assert.equal(windowStart(300, 299, 10), 290);
	});
});

describe('cell formatting', () => {
	it('formats numbers short', () => {
		assert.equal(formatPercent(12.345), '12.3%');
		assert.equal(formatPercent(undefined), '-');
		assert.equal(formatPercent(250), '250%');
		assert.equal(formatBytes(512), '512B');
		assert.equal(formatBytes(45 * 1024 * 1024), '45M');
		assert.equal(formatBytes(1.5 * 1024 ** 3), '1.5G');
	});

	it('fits text to a width by terminal columns, wide characters included', () => {
		assert.equal(fit('abc', 5), 'abc  ');
		assert.equal(fit('abcdef', 4), 'abc…');
		assert.equal(fit('日本語', 4), '日… ');
		assert.equal(alignRight('7', 3), '  7');
		assert.deepEqual(wrapLine('abcdefg', 3), ['abc', 'def', 'g']);
	});

	it('draws sparklines scaled to the maximum', () => {
		assert.equal(sparkline([0, 50, 100], 3), '▁▅█');
		assert.equal(sparkline([1, 2], 4), '  ▅█');
		assert.equal(sparkline([0, 0], 2), '▁▁');
	});

	it('shows health by glyph shape, not only colour', () => {
		assert.equal(healthGlyph('healthy', 'running').glyph, '●');
		assert.equal(healthGlyph('starting', 'running').glyph, '◐');
		assert.equal(healthGlyph('unhealthy', 'running').glyph, '✗');
		assert.equal(healthGlyph('none', 'exited').glyph, '■');
	});

	it('formats a service row to exactly the width, with marker, glyph, replicas, CPU and memory', () => {
		const [heading, api] = panelRows(demoView(), 'services');
		assert.equal(heading!.heading, true);
		assert.equal(formatRow(api!, 40, true), '▸ ● api                1/1  12.5%    45M');
		assert.equal([...formatRow(api!, 24, false)].length, 24);
	});
});

describe('services from containers', () => {
	it('groups by compose labels and by Swarm stack, ignoring one-off containers', () => {
		assert.deepEqual(serviceOf({'com.docker.compose.project': 'p', 'com.docker.compose.service': 's'}), {project: 'p', service: 's'});
		assert.deepEqual(serviceOf({'com.docker.stack.namespace': 'st', 'com.docker.swarm.service.name': 'st_web'}), {project: 'st', service: 'web'});
		assert.equal(serviceOf({'com.docker.compose.project': 'p', 'com.docker.compose.service': 's', 'com.docker.compose.oneoff': 'True'}), undefined);
	});

	it('counts running replicas, takes the worst health and sums CPU', () => {
		const base = {image: 'i', project: 'p', service: 's'};
		const [service] = groupServices([
			{...base, id: '1', name: 'a', state: 'running', health: 'healthy', cpuPercent: 1},
			{...base, id: '2', name: 'b', state: 'running', health: 'unhealthy', cpuPercent: 2},
			{...base, id: '3', name: 'c', state: 'exited', health: 'none'},
		]);
		assert.deepEqual({running: service!.running, desired: service!.desired, health: service!.health, cpu: service!.cpuPercent}, {running: 2, desired: 3, health: 'unhealthy', cpu: 3});
	});
});

describe('Ink output correction', () => {
	it('moves one line further up at the start of an incremental update, and leaves other writes alone', () => {
		assert.equal(correctIncrementalWrite('\u001b[22A\u001b[1Gline'), '\u001b[23A\u001b[1Gline');
		assert.equal(correctIncrementalWrite('first frame\n'), 'first frame\n');
		assert.equal(correctIncrementalWrite('\u001b[2K\u001b[1A'), '\u001b[2K\u001b[1A');
	});
});
