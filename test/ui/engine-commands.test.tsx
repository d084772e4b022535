import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup} from 'ink-testing-library';
import {demoView, fakeSource} from './fake-source.js';
import {keys, renderApp} from './render-app.js';

afterEach(() => cleanup());

/** The demo view plus a Swarm stack "shop" with a two-replica service "web". */
function withSwarm() {
	const view = demoView();
	return fakeSource({
		...view,
		services: [...view.services, {project: 'shop', name: 'web', containerIds: ['eee555', 'fff666'], running: 2, desired: 2, health: 'none', state: 'running', swarm: true}],
		containers: [
			...view.containers,
			{id: 'eee555', name: 'shop_web.1.x', image: 'i', state: 'running', health: 'none', project: 'shop', service: 'web'},
			{id: 'fff666', name: 'shop_web.2.y', image: 'i', state: 'running', health: 'none', project: 'shop', service: 'web'},
		],
	});
}

describe('reload, deploy, rollback and scale keys', () => {
	it('h reloads the selected service through the engine action, without asking, and shows the result', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('h');
		await app.waitFor(text => text.includes('reloaded api'));
		// The service, as `deckhand reload demo/api` names it (every replica), not the one container shown.
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('reload')), ['reload demo/api']);
	});

	it('d asks for the tarball, then (no label) the target directory with completion inside the container, then confirms and deploys', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('d');
		await app.waitFor(text => text.includes('deploy tarball (path): █'));
		await app.press(...'/tmp/app.tar.gz', keys.enter);
		await app.waitFor(text => text.includes('target directory in the container (tab completes): /█'));
		await app.press(...'ap', keys.tab);
		await app.waitFor(text => text.includes('(tab completes): /ap█'));
		await app.press('p', keys.tab);
		await app.waitFor(text => text.includes('(tab completes): /app/█'));
		await app.press(keys.enter);
		await app.waitFor(text => text.includes('Deploy /tmp/app.tar.gz to /app/ into api? y to confirm'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('deploy')), [], 'deployed before the confirmation');
		await app.press('y');
		await app.waitFor(text => text.includes('deployed into api'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('deploy')), ['deploy aaa111 /tmp/app.tar.gz /app/']);
	});

	it('d does not ask for the directory when the container\'s label gives one; :deploy takes the CLI\'s arguments', async () => {
		const app = renderApp({source: fakeSource(demoView(), {deployPath: '/srv/app'})});
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('d', ...'/tmp/a.tgz', keys.enter);
		await app.waitFor(text => text.includes('Deploy /tmp/a.tgz into api? y to confirm'));
		await app.press('n');
		await app.press(':', ...'deploy api /tmp/b.tgz --path /opt/x', keys.enter);
		await app.waitFor(text => text.includes('Deploy /tmp/b.tgz to /opt/x into api? y to confirm'));
		await app.press('y');
		await app.waitFor(text => text.includes('deployed into api'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('deploy')), ['deploy aaa111 /tmp/b.tgz /opt/x']);
	});

	it('escape abandons a deploy prompt; an empty path deploys nothing', async () => {
		const app = renderApp();
		await app.press('d', ...'/tmp/x', keys.escape);
		await app.waitFor(text => !text.includes('deploy tarball'));
		await app.press('d', keys.enter);
		await app.waitFor(text => text.includes('deploy: no tarball given'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('deploy')), []);
	});

	it('b rolls back after confirmation', async () => {
		const app = renderApp();
		await app.press('b');
		await app.waitFor(text => text.includes('Roll back api? y to confirm'));
		await app.press('y');
		await app.waitFor(text => text.includes('rolled back api'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('rollback')), ['rollback aaa111']);
	});

	it('+ scales a Swarm service up at once; - asks first; both name the stack', async () => {
		const app = renderApp({source: withSwarm(), rows: 30});
		await app.waitFor(text => text.includes('web'));
		await app.press('j', 'j', 'j');
		await app.waitFor(text => text.includes('▸ ○ web'));
		await app.press('+');
		await app.waitFor(text => text.includes('scaled web to 3'));
		await app.press('-');
		await app.waitFor(text => text.includes('Scale to 1 replicas: web? y to confirm'));
		await app.press('y');
		await app.waitFor(text => text.includes('scaled web to 1'));
		await app.press(':', ...'scale web=4', keys.enter);
		await app.waitFor(text => text.includes('scaled web to 4'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('scale')), ['scale shop web 3', 'scale shop web 1', 'scale shop web 4']);
	});

	it('+ on a compose service runs the same scale operation for its project', async () => {
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('+');
		await app.waitFor(text => text.includes('scaled api to 2'));
		assert.deepEqual(app.source.calls.filter(call => call.startsWith('scale')), ['scale demo api 2']);
	});

	it('--read-only has none of them: keys do nothing, help does not list them', async () => {
		const app = renderApp({keymap: {readOnly: true}, rows: 50});
		await app.waitFor(text => text.includes('api'));
		await app.press('h', 'b', 'd', '+', '-');
		await app.waitFor(text => text.includes('read-only: scale down is disabled (started with --read-only)'));
		await app.press('?');
		const help = await app.waitFor(text => text.includes('Keys (read-only'));
		for (const text of ['Hot-reload', 'Deploy an app', 'Roll the selected', 'Add a replica', 'Remove a replica']) assert.ok(!help.includes(text), `help lists "${text}"`);
		assert.deepEqual(app.source.calls.filter(call => /^(reload|deploy|rollback|scale)/.test(call)), []);
	});
});
