import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {demoView, fakeSource} from './fake-source.js';
import {keys, renderApp} from './render-app.js';

afterEach(() => cleanup());

const ESC = '\u001b';
const hostile = `evil${ESC}[2J${ESC}]0;owned${'\u0007'}${'\u009b'}31m\r\nname\u202e`;
// Colour codes the renderer itself emits are allowed; anything else with ESC came from data.
const withoutOwnStyling = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

describe('terminal safety of the console', () => {
	it('Given hostile container, service, project, image and event names, no ESC byte from them reaches the frame', async () => {
		const view = demoView();
		const source = fakeSource({
			...view,
			services: view.services.map(service => ({...service, name: `${service.name}${hostile}`, project: `demo${hostile}`})),
			containers: [...view.containers, {id: 'eee555', name: hostile, image: hostile, state: 'running', health: 'none'}],
			images: [{id: 'sha256:x', name: hostile, detail: hostile}],
			events: [`container start ${hostile}`],
		});
		const app = renderApp({source, columns: 200, rows: 40});
		const frame = await app.waitFor(text => text.includes('evil'));
		assert.ok(!withoutOwnStyling(frame).includes(ESC), `ESC in frame:\n${JSON.stringify(frame)}`);
		assert.ok(!frame.includes('\u009b') && !frame.includes('\u0007') && !frame.includes('\r') && !frame.includes('\u202e'));
		assert.ok(frame.includes('\\x1b[2J'), 'the escape is shown visibly');
	});

	it('Given hostile log lines, the Logs tab shows them visibly and never emits their escapes', async () => {
		const app = renderApp({columns: 120});
		await app.waitFor(text => text.includes('following'));
		app.source.log([
			{stream: 'stdout', text: `${ESC}[2J${ESC}[H cleared?`},
			{stream: 'stderr', text: `${ESC}]8;;http://evil${ESC}\\link${ESC}]8;;${ESC}\\`},
			{stream: 'stdout', text: 'x'.repeat(5000)},
		]);
		const frame = await app.waitFor(text => text.includes('cleared?'));
		assert.ok(!withoutOwnStyling(frame).includes(ESC), `ESC in frame:\n${JSON.stringify(frame)}`);
		assert.ok(frame.includes('\\x1b[2J\\x1b[H cleared?'));
		assert.ok(frame.split('\n').every(line => [...line].length <= 120), 'long lines are cut to the width');
	});

	it('Given a hostile secret env value revealed in Inspect, it is still sanitised', async () => {
		const source = fakeSource();
		source.inspect = async id => ({...(await fakeSource().inspect!(id)), env: [`API_TOKEN=${ESC}[31mred`]});
		const app = renderApp({source, columns: 120});
		await app.press(']', ']', ']', keys.enter, 'v');
		const frame = await app.waitFor(text => text.includes('API_TOKEN=\\x1b[31mred'));
		assert.ok(!withoutOwnStyling(frame).includes(ESC));
	});
});
