import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {correctIncrementalWrite} from '../../../source/ui/ink-output.js';
import {alignRight, fit, formatBytes, formatPercent, sparkline, wrapLine} from '../../../source/ui/view/format.js';
import {allocatePanels, frameSize, leftWidth, spaceLines, windowStart} from '../../../source/ui/view/layout.js';
import {columnLayout, formatHeader, formatRow, healthGlyph, panelRows} from '../../../source/ui/view/rows.js';
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
		assert.equal(leftWidth(80), 36);
		assert.equal(leftWidth(200), 56);
	});

	const used = (heights: ReturnType<typeof allocatePanels>) => 6 + heights.engine + (['services', 'containers', 'images', 'volumes', 'networks'] as const).reduce((sum, panel) => sum + spaceLines(heights[panel]), 0);

	it('gives the focused list what it needs and never more lines than there are', () => {
		const heights = allocatePanels(20, counts(300, 5, 3, 2, 4), 'services');
		assert.ok(used(heights) <= 20, `uses ${used(heights)} of 20`);
		assert.ok(heights.services.rows >= 6, `services gets ${heights.services.rows}`);
		assert.deepEqual(heights.services, {rows: heights.services.rows, header: true, hidden: 300 - heights.services.rows, more: true});
		assert.equal(heights.engine, 2);
		const small = allocatePanels(46, counts(3, 2, 1, 0, 4), 'containers');
		assert.deepEqual(small, {
			engine: 2,
			services: {rows: 3, header: true, hidden: 0, more: false}, containers: {rows: 2, header: true, hidden: 0, more: false},
			images: {rows: 1, header: false, hidden: 0, more: false}, volumes: {rows: 0, header: false, hidden: 0, more: false}, networks: {rows: 4, header: false, hidden: 0, more: false},
		});
	});

	it('at 80x24 gives Services and Containers the rows first; Images, Volumes and Networks shrink to their titles', () => {
		// 20 lines of panes: 14 standalone containers, no services, 6 images, 3 volumes, 5 networks.
		const heights = allocatePanels(20, counts(0, 14, 6, 3, 5), 'containers');
		assert.equal(used(heights), 20);
		assert.deepEqual(heights.containers, {rows: 10, header: true, hidden: 4, more: true});
		for (const panel of ['images', 'volumes', 'networks'] as const) assert.equal(heights[panel].rows, 0, `${panel} gets rows before Containers shows all`);
		assert.deepEqual(heights.images, {rows: 0, header: false, hidden: 6, more: false});
		// A focused Images panel gets its rows; Services and Containers keep a share.
		const images = allocatePanels(20, counts(5, 14, 30, 3, 5), 'images');
		assert.ok(images.images.rows >= 3 && images.services.rows >= 2 && images.containers.rows >= 2, JSON.stringify(images));
		assert.ok(used(images) <= 20);
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

	it('formats a service row to exactly the width under its column header, dropping columns as it narrows', () => {
		const rows = panelRows(demoView(), 'services', '', {sort: 'name', now: 0});
		const [heading, api] = rows;
		assert.equal(heading!.heading, true);
		const wide = columnLayout('services', 48);
		assert.equal(formatHeader(wide, 48), '    NAME           REPL STATUS   RST   CPU   MEM');
		assert.equal(formatRow(api!, 48, true, wide), '▸ ● api             1/1              12.5%   45M');
		const narrow = columnLayout('services', 36);
		assert.deepEqual(narrow.columns.map(column => column.title), ['REPL', 'STATUS', 'CPU']);
		assert.equal(formatHeader(narrow, 36), '    NAME         REPL STATUS     CPU');
		assert.equal([...formatRow(api!, 24, false, columnLayout('services', 24))].length, 24);
	});

	it('shows a service\'s CPU against the sum of its replicas\' limits, and plain when one has none', () => {
		const view = demoView();
		const api = view.services.find(service => service.name === 'api')!;
		const withLimits = (limits: ReadonlyArray<number | undefined>) => ({
			...view,
			services: [{...api, containerIds: ['r1', 'r2'], running: 2, desired: 2, cpuPercent: 40}],
			containers: limits.map((cpuLimit, index) => ({...view.containers[0]!, id: `r${index + 1}`, cpuLimit})),
		});
		const cpuCell = (limits: ReadonlyArray<number | undefined>) => panelRows(withLimits(limits), 'services', '', {sort: 'name', now: 0})[1]!.columns[3]!.short;
		assert.equal(cpuCell([0.5, 0.5]), '40%L');
		assert.equal(cpuCell([0.5, undefined]), formatPercent(40));
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
		assert.deepEqual({running: service!.running, desired: service!.desired, health: service!.health, cpu: service!.cpuPercent, worst: service!.worst?.name}, {running: 2, desired: 3, health: 'unhealthy', cpu: 3, worst: 'b'});
	});
});

describe('Ink output correction', () => {
	it('moves one line further up at the start of an incremental update, and leaves other writes alone', () => {
		assert.equal(correctIncrementalWrite('\u001b[22A\u001b[1Gline'), '\u001b[23A\u001b[1Gline');
		assert.equal(correctIncrementalWrite('first frame\n'), 'first frame\n');
		assert.equal(correctIncrementalWrite('\u001b[2K\u001b[1A'), '\u001b[2K\u001b[1A');
	});
});
