/**
 * The first look draws the left column exactly as the console's first frame does (same rows,
 * order, columns, titles and panel heights), so nothing jumps when the console takes over;
 * names are sanitised and every line fits the column.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {seededModel} from '../../source/engine/live/model-source.js';
import {displayWidth} from '../../source/engine/text/width.js';
import {containersFromModel} from '../../source/ui/data/containers-view.js';
import {firstLookLines} from '../../source/ui/first-look.js';
import {bottomLines, frameSize, leftWidth} from '../../source/ui/view/layout.js';
import type {ConsoleView} from '../../source/ui/view/types.js';
import {fakeSource} from './fake-source.js';
import {renderApp, waitForFrame} from './render-app.js';

const now = 1_700_000_600_000;
const listed = (name: string, state: string, status: string, labels: Record<string, string> = {}) => ({
	Id: name.padEnd(64, '0'), Names: [`/${name}`], Image: 'busybox', State: state, Status: status, Labels: labels, Created: 1_700_000_000,
});
const compose = (project: string, service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});
const listing = [
	listed('calm', 'running', 'Up 2 hours'),
	listed('sick', 'running', 'Up 5 minutes (unhealthy)'),
	listed('dead', 'exited', 'Exited (1) 3 minutes ago'),
	listed('shop-web-1', 'running', 'Up 1 minute (health: starting)', compose('shop', 'web')),
	listed('shop-db-1', 'running', 'Up 1 minute (healthy)', compose('shop', 'db')),
	...Array.from({length: 30}, (_, index) => listed(`idle-${String(index).padStart(2, '0')}`, 'running', 'Up 1 hour')),
];
const host = 'unix:///var/run/docker.sock';

describe('firstLookLines', () => {
	for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
		it(`is the console's own left column at ${columns}x${rows}`, async () => {
			const lines = firstLookLines({host, containers: listing, columns, rows, readOnly: false, now, session: {}});
			const view: ConsoleView = {
				engine: {description: host}, connection: {state: 'connecting'},
				...containersFromModel(seededModel({sentAtMs: now, containers: listing}), () => [], now),
				images: [], volumes: [], networks: [], events: [],
			};
			const app = renderApp({source: fakeSource(view), columns, rows, sort: 'problems', now: () => now});
			try {
				const frame = await waitForFrame(app.lastFrame, text => text.includes('3 Containers'));
				const width = leftWidth(frameSize(columns, rows).width);
				// The console marks its selected row with ▸ and shows a mode it has not read yet as "?" too.
				const left = frame.split('\n').slice(0, lines.length).map(line => [...line].slice(0, width).join('').replace('▸', ' '));
				assert.deepEqual(lines, left);
			} finally {
				app.unmount();
			}
		});
	}

	it('fits the column and the height, says how many are hidden, and sanitises names', () => {
		const hostile = [...listing, listed('evil\u001b[2Jname\u202e', 'running', 'Up 1 hour')];
		const lines = firstLookLines({host, containers: hostile, columns: 80, rows: 24, readOnly: true, now, session: {sort: 'name', panel: 'containers'}});
		const width = leftWidth(80);
		assert.ok(lines.every(line => displayWidth(line) <= width), lines.join('\n'));
		assert.ok(lines.length <= frameSize(80, 24).height - bottomLines);
		assert.ok(lines.some(line => /\+\d+ more/.test(line)), lines.join('\n'));
		assert.ok(lines.every(line => !line.includes('\u001b') && !line.includes('\u202e')));
		// The remembered order and panel, and the read-only badge, as the console will show them.
		assert.match(lines.join('\n'), /━ 3 Containers \(\d+\) ↓name/);
		assert.match(lines[0]!, /READ-ONLY/);
	});
});
