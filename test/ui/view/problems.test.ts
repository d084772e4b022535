import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {crashLine, nextSort, problemRank, statusCell} from '../../../source/ui/view/problems.js';
import {cursorIndex, panelRows} from '../../../source/ui/view/rows.js';
import type {ConsoleView, ContainerView} from '../../../source/ui/view/types.js';
import {demoView} from '../fake-source.js';

const now = 1_000_000;
const container = (name: string, facts: Partial<ContainerView> = {}): ContainerView => ({id: name, name, image: 'i', state: 'running', health: 'none', startedAtMs: now - 60_000, ...facts});
const viewOf = (containers: ContainerView[]): ConsoleView => ({...demoView(), services: [], containers});
const names = (view: ConsoleView, sort?: 'problems' | 'name' | 'cpu' | 'memory') => panelRows(view, 'containers', '', {sort, now}).map(row => row.label);

describe('problems first', () => {
	const view = viewOf([
		container('a-fine'),
		container('b-starting', {health: 'starting'}),
		container('c-exited-clean', {state: 'exited', lastExitCode: 0}),
		container('d-exited-1', {state: 'exited', lastExitCode: 1, finishedAtMs: now - 5000}),
		container('e-looping', {crashLooping: true, restartCount: 4, lastExitCode: 1, startedAtMs: now - 3000}),
		container('f-unhealthy', {health: 'unhealthy', cpuPercent: 5, memoryBytes: 10}),
		container('g-dead', {state: 'dead'}),
		container('h-busy', {cpuPercent: 90, memoryBytes: 5}),
	]);

	it('orders unhealthy, crash-looping, exited non-zero or dead, starting, then the rest by name', () => {
		assert.deepEqual(names(view), ['f-unhealthy', 'e-looping', 'd-exited-1', 'g-dead', 'b-starting', 'a-fine', 'c-exited-clean', 'h-busy']);
		assert.deepEqual([problemRank(container('x', {state: 'restarting'})), problemRank(container('x', {state: 'exited'}))], [1, 4], 'restarting is a problem; an unknown exit code is not');
	});

	it('sorts by name, by CPU and by memory (busiest first, unknown last), and the key cycles the orders', () => {
		assert.deepEqual(names(view, 'name'), ['a-fine', 'b-starting', 'c-exited-clean', 'd-exited-1', 'e-looping', 'f-unhealthy', 'g-dead', 'h-busy']);
		assert.deepEqual(names(view, 'cpu').slice(0, 3), ['h-busy', 'f-unhealthy', 'a-fine']);
		assert.deepEqual(names(view, 'memory').slice(0, 3), ['f-unhealthy', 'h-busy', 'a-fine']);
		assert.deepEqual([nextSort('problems'), nextSort('name'), nextSort('cpu'), nextSort('memory')], ['name', 'cpu', 'memory', 'problems']);
	});

	it('puts a project with an unhealthy service first, and the service row shows its worst replica', () => {
		const api = container('zeta-api-1', {project: 'zeta', service: 'api', health: 'unhealthy', restartCount: 2});
		const web = container('alpha-web-1', {project: 'alpha', service: 'web'});
		const services = [
			{project: 'alpha', name: 'web', containerIds: ['alpha-web-1'], running: 1, desired: 1, health: 'none' as const, state: 'running', worst: web},
			{project: 'zeta', name: 'api', containerIds: ['zeta-api-1'], running: 1, desired: 1, health: 'unhealthy' as const, state: 'running', worst: api},
		];
		const rows = panelRows({...viewOf([api, web]), services}, 'services', '', {now});
		assert.deepEqual(rows.map(row => `${row.glyph} ${row.label}`), ['▾ zeta', '✗ api', '▾ alpha', '○ web']);
		assert.deepEqual(rows[1]!.columns.map(cell => cell.short), ['1/1', 'up 1m', '2', '-', '-']);
	});

	it('marks a crash loop on the row and shows restarts, exit and uptime', () => {
		const [looping] = panelRows(view, 'containers', 'looping', {now});
		assert.equal(looping!.glyph, '↯');
		assert.deepEqual(looping!.columns.map(cell => [cell.short, cell.long]), [['x1 up3s', 'exit 1, up 3s'], ['4', undefined], ['-', undefined], ['-', undefined]]);
		const exited = panelRows(view, 'containers', 'd-exited', {now})[0]!;
		assert.deepEqual([exited.columns[0]!.short, exited.columns[0]!.long], ['x1 5s', 'exited (1) 5s ago']);
		assert.equal(crashLine(container('e', {crashLooping: true, restartCount: 4, lastExitCode: 1, startedAtMs: now - 3000}), now), 'crash loop · restarts 4 · exit 1 · up 3s');
		assert.equal(statusCell(container('p', {state: 'paused'}), now, false), 'paused');
	});

	it('keeps the cursor on its row when the list re-sorts, and on its place when the row is gone', () => {
		const before = panelRows(view, 'containers', '', {now});
		const key = before[5]!.key;
		const after = panelRows(viewOf([...view.containers.filter(entry => entry.name !== 'f-unhealthy'), container('0-new-unhealthy', {health: 'unhealthy'}), container('00-also', {health: 'unhealthy'})]), 'containers', '', {now});
		assert.equal(after[cursorIndex(after, 5, key)]!.key, key);
		assert.equal(cursorIndex(after, 5, 'container:gone'), 5);
		assert.equal(cursorIndex(after, 99), after.length - 1);
	});
});
