/**
 * The console over two engines (two fake member sources merged by the real fleet source):
 * the Engines panel lists both, the lists group by engine and F filters to the engine
 * selected in Engines, and a key on a row of engine b runs its operation on b only.
 * Also the `engines:` config field and the F state toggle.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import React from 'react';
import {createFleetSource} from '../../../source/ui/data/fleet-source.js';
import {parseConfig} from '../../../source/ui/config/config.js';
import {consoleReducer, initialState} from '../../../source/ui/state/console-state.js';
import {demoView, fakeSource, type FakeSource} from '../fake-source.js';
import {keys, renderApp} from '../render-app.js';

void React;

/** Engine b: the demo view with other ids (a different daemon), so routing by id is visible. */
function secondView() {
	const view = demoView();
	const rename = (id: string) => `b-${id}`;
	return {
		...view,
		engine: {...view.engine, description: 'unix:///b.sock', version: '24.0.0'},
		services: view.services.map(service => ({...service, containerIds: service.containerIds.map(rename)})),
		containers: view.containers.map(container => ({...container, id: rename(container.id), name: container.name === 'lonely' ? 'remote-only' : container.name})),
	};
}

function twoEngines() {
	const a = fakeSource();
	const b = fakeSource(secondView());
	const fleet = createFleetSource([{name: 'alpha', source: a}, {name: 'beta', source: b}]);
	return {a, b, fleet: fleet as FakeSource};
}

describe('console over two engines', () => {
	it('lists both engines and groups Containers by engine', async () => {
		const {fleet} = twoEngines();
		const app = renderApp({source: fleet, columns: 120, rows: 40});
		const frame = await app.waitFor(text => text.includes('1 Engines (2)') && text.includes('@beta') && text.includes('remote-only'));
		assert.match(frame, /● alpha connected 4c v20\.10\.24 host/);
		assert.match(frame, /● beta connected 4c v24\.0\.0 host/);
		const containers = frame.slice(frame.indexOf('3 Containers'), frame.indexOf('4 Images')).split('\n').map(line => line.split('│')[0]!.trim());
		assert.deepEqual([containers[2], containers[4]], ['◆ @alpha', '◆ @beta']);
		assert.ok(containers[3]!.includes('lonely') && containers[5]!.includes('remote-only'), `each container under its engine heading:\n${containers.join('\n')}`);
		app.unmount();
	});

	it('g charts the engine that owns the selected row', async () => {
		const {fleet} = twoEngines();
		const charted: Array<string | undefined> = [];
		const app = renderApp({source: fleet, columns: 120, rows: 40, onChart: engine => charted.push(engine)});
		await app.waitFor(text => text.includes('remote-only'));
		await app.press('3', '/', ...'remote-only', keys.enter, 'g');
		await app.press('/', ...'lonely', keys.enter, 'g');
		assert.deepEqual(charted, ['beta', 'alpha']);
		app.unmount();
	});

	it('F shows only the engine selected in Engines, and F again all of them', async () => {
		const {fleet} = twoEngines();
		const app = renderApp({source: fleet, columns: 120, rows: 40});
		await app.waitFor(text => text.includes('remote-only'));
		await app.press('1', 'j', 'F');
		let frame = await app.waitFor(text => text.includes('3 Containers (1) @beta'));
		assert.ok(frame.includes('remote-only') && !frame.includes('lonely'), 'only beta\'s containers');
		await app.press('k');
		frame = await app.waitFor(text => text.includes('3 Containers (1) @alpha'));
		assert.ok(frame.includes('lonely') && !frame.includes('remote-only'), 'the filter follows the Engines cursor');
		await app.press('F');
		frame = await app.waitFor(text => text.includes('3 Containers (2)') && text.includes('remote-only') && text.includes('lonely'));
		app.unmount();
	});

	it('r on a row of engine beta restarts it on beta only', async () => {
		const {a, b, fleet} = twoEngines();
		const app = renderApp({source: fleet, columns: 120, rows: 40});
		await app.waitFor(text => text.includes('remote-only'));
		await app.press('3', 'G', 'r');
		await app.waitFor(text => /Restart remote-only/.test(text));
		await app.press('y');
		await app.waitFor(text => /restarted remote-only/.test(text));
		assert.deepEqual(b.calls.filter(call => call.startsWith('restart')), ['restart b-ddd444']);
		assert.deepEqual(a.calls.filter(call => call.startsWith('restart')), []);
		app.unmount();
	});

	it('routes logs and stats of a container to the engine that lists it', async () => {
		const {a, b, fleet} = twoEngines();
		fleet.snapshot();
		fleet.watchStats?.(['aaa111', 'b-bbb222', 'b-ddd444']);
		assert.deepEqual(a.watched.at(-1), ['aaa111']);
		assert.deepEqual(b.watched.at(-1), ['b-bbb222', 'b-ddd444']);
		fleet.followLogs?.('b-aaa111', () => undefined, new AbortController().signal);
		assert.deepEqual([a.calls.filter(call => call.startsWith('logs')), b.calls.filter(call => call.startsWith('logs'))], [[], ['logs b-aaa111']]);
		await assert.rejects(fleet.actions.operate!('restart', {containers: ['x']}, () => undefined, 'gamma'), /no engine named gamma/);
		fleet.close();
		assert.deepEqual([a.calls.at(-1), b.calls.at(-1)], ['close', 'close']);
	});
});

describe('engines: in the config file', () => {
	it('maps names to hosts (a URL) or contexts, in file order', () => {
		const config = parseConfig('engines:\n  local: unix:///var/run/docker.sock\n  prod: prod\n  db: {host: "ssh://ops@db1"}\n  stage: {context: staging}\n', 'c.yaml');
		assert.deepEqual(config.engines, [
			{name: 'local', host: 'unix:///var/run/docker.sock'}, {name: 'prod', context: 'prod'}, {name: 'db', host: 'ssh://ops@db1'}, {name: 'stage', context: 'staging'},
		]);
		assert.equal(parseConfig('theme: light\n', 'c.yaml').engines, undefined);
	});

	it('names the bad entry in one line', () => {
		assert.throws(() => parseConfig('engines: [a, b]\n', 'c.yaml'), {name: 'UsageError', message: 'config c.yaml: engines must map a name to a host URL or a context name'});
		assert.throws(() => parseConfig('engines:\n  a: {host: x, context: y}\n', 'c.yaml'), {name: 'UsageError', message: 'config c.yaml: engines.a must be a host URL, a context name, {host: URL} or {context: NAME}'});
		assert.throws(() => parseConfig('engines:\n  a: 3\n', 'c.yaml'), /engines\.a must be/);
		assert.throws(() => parseConfig('engines: {}\n', 'c.yaml'), /engines is empty/);
		assert.throws(() => parseConfig('engines:\n  "a b": x\n', 'c.yaml'), /engine name "a b"/);
	});
});

describe('the F toggle (console state)', () => {
	it('switches grouped ↔ filtered and puts the list cursors back on their first row', () => {
		const moved = {...initialState(), cursors: {...initialState().cursors, containers: 3, engine: 1}, selected: {...initialState().selected, containers: 'x'}};
		const filtered = consoleReducer(moved, {type: 'toggleFleet'});
		assert.equal(filtered.fleet, 'filtered');
		assert.deepEqual([filtered.cursors.containers, filtered.cursors.engine, filtered.selected.containers], [0, 1, undefined]);
		assert.equal(consoleReducer(filtered, {type: 'toggleFleet'}).fleet, undefined);
	});
});
