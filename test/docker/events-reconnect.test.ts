import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {startLiveModel} from '../../source/engine/live/model-source.js';
import type {ConnectionState} from '../../source/engine/model/types.js';
import {newRun, testContainerOptions, testName} from '../helpers/engine.js';
import {waitForSnapshot} from './events-wait.js';

// This file stops and starts a daemon, so it uses its OWN private engine instance.
const engineDirectory = '/tmp/deckhand-engine-A';
const engineEnv = {...process.env, DECKHAND_ENGINE_DIR: engineDirectory, DECKHAND_NO_SWARM: '1'};
const engine = async (action: 'start' | 'stop') => promisify(execFile)('bash', ['scripts/engine.sh', action], {env: engineEnv, timeout: 180_000});
const docker = new Docker({socketPath: `${engineDirectory}/docker.sock`});
const run = newRun();

before(async () => {
	await engine('start');
});
after(async () => {
	const containers = await docker.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=${run}`]})}).catch(() => []);
	await Promise.all(containers.map(async container => docker.getContainer(container.Id).remove({force: true}).catch(() => undefined)));
	await engine('stop');
});

describe('live model across a daemon restart', () => {
	it('goes connected → reconnecting → connected and resyncs from a fresh listing', async () => {
		let lists = 0;
		const list = docker.listContainers.bind(docker);
		const counted = Object.create(docker) as Docker;
		counted.listContainers = (async (options?: object) => {
			lists++;
			return list(options as never);
		}) as unknown as typeof docker.listContainers;
		const model = startLiveModel(dockerPorts(counted), {intervalMs: 50, reconnectCapMs: 1000});
		const states: ConnectionState[] = [];
		model.subscribe(snapshot => {
			if (snapshot.connection !== states.at(-1)) states.push(snapshot.connection);
		});
		try {
			await model.ready;
			const before = await docker.createContainer(testContainerOptions(run, testName('before')));
			await before.start();
			await waitForSnapshot(model, snapshot => snapshot.state.containers[before.id]?.state === 'running', 20_000, () => 'container started before the restart not seen');

			await engine('stop');
			await waitForSnapshot(model, snapshot => snapshot.connection === 'reconnecting', 30_000, snapshot => `connection ${snapshot.connection}`);
			await engine('start');
			const after = await docker.createContainer(testContainerOptions(run, testName('after')));
			const back = await waitForSnapshot(model, snapshot => snapshot.connection === 'connected' && snapshot.state.containers[after.id] !== undefined, 30_000, snapshot => `connection ${snapshot.connection}, states ${states.join(' → ')}`);

			// Under load a stopping daemon may still accept one reconnect, so allow extra round trips.
			const firstConnected = states.indexOf('connected');
			assert.ok(firstConnected >= 0 && states.indexOf('reconnecting', firstConnected) > firstConnected, `states ${states.join(' → ')}`);
			assert.equal(back.connection, 'connected', `states ${states.join(' → ')}`);
			assert.ok(!states.includes('disconnected'), `never gave up: ${states.join(' → ')}`);
			assert.ok(lists >= 2, `a fresh listing after reconnecting (lists: ${lists})`);
			// The daemon stopped the old container; the resynced model says so.
			assert.equal(back.state.containers[before.id]?.state, 'exited');
			assert.equal(back.lastError, null);
		} finally {
			model.close();
		}
	});
});
