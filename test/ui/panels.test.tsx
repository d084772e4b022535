import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {helpLines} from '../../source/ui/components/help-overlay.js';
import {buildKeymap} from '../../source/ui/keys/keymap.js';
import {glyphLegend, panelColumns} from '../../source/ui/view/rows.js';
import type {ConsoleSession} from '../../source/ui/state/session.js';
import type {ConsoleView, ContainerView} from '../../source/ui/view/types.js';
import {demoView, fakeSource} from './fake-source.js';
import {keys, renderApp} from './render-app.js';

afterEach(() => cleanup());

const now = 5_000_000;
const standalone = (index: number, facts: Partial<ContainerView> = {}): ContainerView => ({
	id: `id${index}`, name: `box-${String(index).padStart(2, '0')}`, image: 'i', state: 'running', health: 'none', startedAtMs: now - 30_000, ...facts,
});
/** Only standalone containers: 14, one unhealthy, one crash-looping, like an operator's first screen. */
const fourteen = (): ConsoleView => ({
	...demoView(),
	services: [],
	containers: Array.from({length: 14}, (_, index) => standalone(index, index === 9 ? {health: 'unhealthy'} : index === 12 ? {crashLooping: true, restartCount: 4, lastExitCode: 1, startedAtMs: now - 3000} : {})),
	images: Array.from({length: 6}, (_, index) => ({id: `im${index}`, name: `image-${index}`, detail: '1M'})),
});

describe('first screen at 80x24', () => {
	it('focuses Containers when Services is empty and shows the problems at the top, with data and without a key press', async () => {
		const app = renderApp({source: fakeSource(fourteen()), columns: 80, rows: 24, sort: 'problems', now: () => now});
		const frame = await app.waitFor(text => text.includes('box-09'));
		const lines = frame.split('\n');
		assert.equal(lines.length, 23);
		assert.ok(frame.includes('━ 3 Containers (14) ↓problems'), `Containers is not focused:\n${frame}`);
		const rows = lines.filter(line => /box-\d\d/.test(line.split('│')[0]!)).map(line => line.split('│')[0]!);
		assert.match(rows[0]!, /▸✗ box-09 +up 30s/, 'the unhealthy container is not first');
		assert.match(rows[1]!, /↯ box-12 +x1 up3s +4/, 'the crash-looping one is not second, or lacks its restarts');
		assert.match(frame, /\+\d+ more/, 'the clipped Containers panel does not say how many rows it hides');
		assert.match(frame, /─ 4 Images \(6 hidden\)/, 'Images did not shrink to its title');
		assert.match(frame, /NAME +STATUS +RST +CPU/, 'no column header');
		await app.press('j');
		const second = await app.waitFor(text => text.includes('crash loop · restarts 4 · exit 1 · up 3s'));
		assert.match(second, /▸↯ box-12/);
	});

	it('o cycles the order (shown in the title), and the cursor stays on its container', async () => {
		const app = renderApp({source: fakeSource(fourteen()), columns: 80, rows: 24, sort: 'problems', now: () => now});
		await app.waitFor(text => text.includes('↓problems'));
		await app.press('j');
		await app.waitFor(text => /▸↯ box-12/.test(text));
		await app.press('o');
		const byName = await app.waitFor(text => text.includes('↓name'));
		assert.match(byName, /▸↯ box-12/, 'the selection jumped to another container');
		await app.press('o', 'o', 'o');
		await app.waitFor(text => text.includes('↓problems'));
	});
});

describe('events pane, legend and session', () => {
	it('E shows recent events in the main area and hides them again', async () => {
		const app = renderApp({source: fakeSource({...demoView(), events: ['10:00:00 container die box-1', '10:00:01 container start box-1']})});
		await app.press('E');
		const frame = await app.waitFor(text => text.includes('Events (newest last'));
		assert.ok(frame.includes('container die box-1') && frame.includes('container start box-1'));
		await app.press('E');
		await app.waitFor(text => text.includes('[Logs]'));
	});

	it('? lists every glyph and column the rows use, after the keys', () => {
		const lines = helpLines(buildKeymap(), 120).map(line => line.trimEnd());
		for (const entry of glyphLegend) assert.ok(lines.some(line => line.startsWith(entry.glyph) && line.includes(entry.meaning)), `no legend for ${entry.glyph}`);
		for (const spec of [...panelColumns.services, ...panelColumns.containers]) assert.ok(lines.some(line => line.startsWith(spec.title)), `no legend for column ${spec.title}`);
		assert.ok(lines.some(line => line.startsWith('Order   problems first: unhealthy, then restarting or crash-looping')));
	});

	it('reports theme, panel and order to be remembered when they change', async () => {
		const sessions: ConsoleSession[] = [];
		const app = renderApp({onSessionChange: session => void sessions.push(session)});
		await app.waitFor(text => text.includes('api'));
		await app.press('3', 'o');
		await app.waitFor(() => sessions.at(-1)?.panel === 'containers' && sessions.at(-1)?.sort === 'cpu');
		await app.press(keys.escape);
	});
});

describe('palette completion and theme list', () => {
	it('tab completes the verb and a name; :theme alone lists the themes', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('api'));
		await app.press(':', 'l', 'o', keys.tab, 'w', keys.tab);
		await app.waitFor(text => text.includes(':logs worker█'));
		await app.press(keys.enter);
		await app.waitFor(text => text.includes('demo/worker'));
		await app.press(':', ...'theme', keys.enter);
		await app.waitFor(text => text.includes('themes: default, light, high-contrast, monochrome (now monochrome)'));
	});
});
