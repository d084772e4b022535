import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {demoView, fakeSource} from './fake-source.js';
import {keys, normaliseDigits, renderApp} from './render-app.js';

afterEach(() => cleanup());

describe('console layout', () => {
	it('shows the panels, the demo services grouped by project, tabs and hints', async () => {
		const app = renderApp();
		const frame = await app.waitFor(text => text.includes('api'));
		for (const text of ['1 Engine', '2 Services (3)', '3 Containers (1)', '4 Images', '▾ demo', '● api', '◐ db', '■ worker', '[Logs]', 'q quit']) {
			assert.ok(frame.includes(text), `frame lacks "${text}":\n${frame}`);
		}
		assert.match(normaliseDigits(frame), /● connected · v00\.00\.00/);
	});

	it('keeps the frame one line shorter than the terminal at 80x24 and 200x50, no line wider than it', async () => {
		for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
			const app = renderApp({columns, rows});
			const frame = await app.waitFor(text => text.includes('api'));
			const lines = frame.split('\n');
			assert.equal(lines.length, rows - 1, `at ${columns}x${rows}`);
			for (const line of lines) assert.ok([...line].length <= columns, `line too wide at ${columns}x${rows}: "${line}"`);
			app.unmount();
		}
	});

	it('virtualises a long list: 300 services at 80x24 draw only what fits, the cursor stays in view', async () => {
		const view = demoView();
		const services = Array.from({length: 300}, (_, index) => ({...view.services[0]!, name: `svc-${String(index).padStart(3, '0')}`, containerIds: [`id${index}`]}));
		const app = renderApp({source: fakeSource({...view, services}), columns: 80, rows: 24});
		await app.waitFor(text => text.includes('svc-000'));
		await app.press(...Array.from({length: 40}, () => 'j'));
		const frame = await app.waitFor(text => text.includes('▸ ● svc-040'));
		assert.equal(frame.split('\n').length, 23);
		assert.ok(!frame.includes('svc-000'));
	});

	it('shows "reconnecting…" when the source loses the engine, and recovers', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('● connected'));
		app.source.update({connection: {state: 'reconnecting', detail: 'socket closed'}});
		await app.waitFor(text => text.includes('reconnecting…'));
		app.source.update({connection: {state: 'connected'}});
		await app.waitFor(text => text.includes('● connected'));
	});

	it('shows a container dying from the source on the next frame', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('● api'));
		const view = app.source.view;
		app.source.update({services: view.services.map(service => (service.name === 'api' ? {...service, state: 'exited', running: 0} : service))});
		await app.waitFor(text => text.includes('■ api'));
	});
});

describe('navigation', () => {
	it('moves with j/k and arrows, switches panels with tab and digits', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('j');
		await app.waitFor(text => text.includes('▸ ◐ db'));
		await app.press(keys.down, keys.up);
		await app.waitFor(text => text.includes('▸ ◐ db'));
		await app.press('3');
		await app.waitFor(text => text.includes('━ 3 Containers') && text.includes('▸○ lonely'));
		await app.press(keys.tab);
		await app.waitFor(text => text.includes('━ 4 Images'));
	});

	it('1 selects the Engine panel and the main area shows the engine facts', async () => {
		const app = renderApp();
		await app.press('1');
		const frame = await app.waitFor(text => text.includes('━ 1 Engine'));
		assert.match(normaliseDigits(frame), /Version  00\.00\.00/);
		assert.ok(frame.includes('Swarm    active'));
	});

	it('switches tabs with ] and [ and shows Stats, Health, Inspect, Top for the selection', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('[Logs]'));
		await app.press(']');
		await app.waitFor(text => text.includes('[Stats]') && text.includes('CPU') && text.includes('Memory'));
		await app.press(']');
		await app.waitFor(text => text.includes('[Health]') && text.includes('exit 1') && text.includes('not ready'));
		await app.press(']');
		await app.waitFor(text => text.includes('[Inspect]') && text.includes('DB_PASSWORD=••••••') && !text.includes('hunter2'));
		await app.press(']');
		await app.waitFor(text => text.includes('[Top]') && text.includes('sleep 3600'));
	});

	it('reveals masked secrets in Inspect only after the reveal key', async () => {
		const app = renderApp();
		await app.press(']', ']', ']');
		await app.waitFor(text => text.includes('DB_PASSWORD=••••••'));
		await app.press(keys.enter, 'v');
		await app.waitFor(text => text.includes('DB_PASSWORD=hunter2'));
	});

	it('follows logs of the selected container, marks stderr, searches with / and n', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('following'));
		app.source.log([{stream: 'stdout', text: 'hello from api'}, {stream: 'stderr', text: 'warning: disk'}]);
		await app.waitFor(text => text.includes('│ hello from api') && text.includes('! warning: disk'));
		await app.press(keys.enter, '/', 'd', 'i', 's', 'k', keys.enter);
		await app.waitFor(text => text.includes('/disk') && text.includes('paused'));
		await app.press('n');
		assert.ok(app.frame().includes('warning: disk'));
	});
});

describe('replicas', () => {
	it('merges the logs of a service\'s replicas, each line labelled with its container name', async () => {
		const view = demoView();
		const source = fakeSource({
			...view,
			services: view.services.map(service => (service.name === 'api' ? {...service, containerIds: ['aaa111', 'aaa222'], running: 2, desired: 2} : service)),
			containers: [...view.containers, {...view.containers[0]!, id: 'aaa222', name: 'demo-api-2'}],
		});
		const app = renderApp({source, columns: 120});
		await app.waitFor(text => text.includes('2/2'));
		await app.waitFor(() => source.calls.includes('logs aaa222'));
		source.log([{stream: 'stdout', text: 'hello'}]);
		await app.waitFor(text => text.includes('│ demo-api-1 hello') && text.includes('│ demo-api-2 hello') && text.includes('2 containers'));
	});
});

describe('filter, palette and help', () => {
	it('filters the focused list with / and clears it with escape', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('worker'));
		await app.press('/', 'w', 'o');
		const frame = await app.waitFor(text => text.includes('2 Services (1) /wo'));
		assert.ok(!frame.includes('● api'));
		await app.press(keys.escape);
		await app.waitFor(text => text.includes('2 Services (3)') && text.includes('● api'));
	});

	it(':logs db selects db and focuses its logs; :theme with an unknown name says so', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('api'));
		await app.press(':', ...'logs db', keys.enter);
		await app.waitFor(text => text.includes('▸ ◐ db') && text.includes('demo/db'));
		await app.press(':', ...'theme nope', keys.enter);
		await app.waitFor(text => text.includes('theme "nope" not found'));
		await app.press(':', ...'frobnicate', keys.enter);
		await app.waitFor(text => text.includes('unknown command "frobnicate"'));
	});

	it('? shows help generated from the key map and closes again', async () => {
		const app = renderApp({rows: 50, columns: 200});
		await app.press('?');
		const frame = await app.waitFor(text => text.includes('Keys'));
		assert.ok(frame.includes('Restart the selected container or service (confirm)'));
		await app.press('?');
		await app.waitFor(text => text.includes('[Logs]'));
	});

	it('g hands over to the chart view (which runs outside Ink)', async () => {
		const charts: number[] = [];
		const app = renderApp({onChart: () => void charts.push(1)});
		await app.waitFor(text => text.includes('api'));
		await app.press('g');
		assert.equal(charts.length, 1);
	});

	it('q quits', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('api'));
		await app.press('q');
		assert.equal(app.quits.length, 1);
	});
});

describe('actions', () => {
	it('r asks for confirmation; y restarts through the source, with a result line', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('r');
		await app.waitFor(text => text.includes('Restart api? y to confirm'));
		await app.press('y');
		// The compose service's restart operation (the readiness plan), reporting its last phase.
		await app.waitFor(text => text.includes('restarted api: healthy after'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('restart')), ['restart demo/api']);
	});

	it('any other key cancels a confirmation and nothing runs', async () => {
		const app = renderApp();
		await app.press('s');
		await app.waitFor(text => text.includes('Stop api?'));
		await app.press('n');
		await app.waitFor(text => text.includes('cancelled'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('stop')), []);
	});

	it('S starts without asking (not dangerous); e hands the container to the shell runner', async () => {
		const execs: string[] = [];
		const app = renderApp({onExec: id => execs.push(id)});
		await app.press('j', 'j', 'S');
		await app.waitFor(text => text.includes('started worker'));
		assert.ok(app.source.calls.some(call => /^start demo\/worker$/.test(call)), app.source.calls.join(', '));
		await app.press('k', 'k', 'e');
		await app.waitFor(() => execs.length > 0);
		assert.deepEqual(execs, ['aaa111']);
	});

	it('R restarts the service with its dependents and u brings its project up, both after confirmation', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('R');
		await app.waitFor(text => text.includes('Restart (no dependents) api? y to confirm'));
		await app.press('y');
		await app.waitFor(text => text.includes('restarted api'));
		// The confirmation names the dependents the restart takes along.
		await app.press(':', ...'restart db --with-dependents', keys.enter);
		await app.waitFor(text => text.includes('Restart with dependents api: db? y to confirm'));
		await app.press('y');
		await app.waitFor(text => text.includes('restarted db'));
		await app.press('u', 'y');
		await app.waitFor(text => text.includes('brought up demo'));
		assert.deepEqual(app.source.calls.filter(call => /^(restart-dependents|up) /.test(call)), ['restart-dependents demo/api', 'restart-dependents demo/db', 'up demo']);
		await app.press('3', 'u', 'y');
		await app.waitFor(text => text.includes('select a compose service'));
	});

	it('--read-only removes actions from keys, hints, help and palette', async () => {
		const app = renderApp({keymap: {readOnly: true}, rows: 50});
		await app.waitFor(text => text.includes('api'));
		assert.ok(!app.frame().includes('r restart'));
		assert.ok(app.frame().includes('1 Engine READ-ONLY'), 'no READ-ONLY badge');
		await app.press('r');
		await app.waitFor(text => text.includes('read-only: restart is disabled (started with --read-only)'));
		await app.press('?');
		const help = await app.waitFor(text => text.includes('Keys (read-only'));
		assert.ok(!help.includes('Restart'));
		assert.ok(!help.includes('Stop the selected'));
		await app.press('?', ':', ...'restart api', keys.enter);
		await app.waitFor(text => text.includes('read-only: restart is disabled (started with --read-only)') && !text.includes('Keys (read-only'));
		assert.deepEqual(app.source.calls.filter(call => /^(restart|stop|start)/.test(call)), []);
	});
});

describe('typing fast', () => {
	it('treats a chunk of several characters as separate key presses (":theme x" and "/db" sent in one write)', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('● api'));
		await app.press('/db');
		await app.waitFor(text => text.includes('2 Services (1) /db') && !text.includes('● api'));
		await app.press(keys.escape, ':logs api');
		await app.waitFor(text => text.includes(':logs api█'));
		await app.press(keys.enter, ']]');
		await app.waitFor(text => text.includes('[Health]'));
		await app.press(':stats db\r');
		await app.waitFor(text => text.includes('[Stats]') && text.includes('demo/db'));
	});
});
