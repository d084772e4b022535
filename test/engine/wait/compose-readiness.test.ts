import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {upProject} from '../../../source/engine/actions/compose/up.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker} from '../../helpers/engine.js';
import {testStack} from '../actions/compose/stack.js';
import {dockerPorts} from '../../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(async () => removeTestObjects(docker, run));

/** Whether `path` exists in the container right now. */
async function exists(containerId: string, path: string): Promise<boolean> {
	return (await ports.exec.run(containerId, ['test', '-f', path])).exitCode === 0;
}

describe('up gates on the deckhand.ready.* probes of x-deckhand', {concurrency: true}, () => {
	it('an exec probe holds the ready step until it passes', async () => {
		const loaded = testStack(run, 'readyexec', {
			app: {image: TEST_IMAGE, network_mode: 'none', stop_signal: 'SIGKILL', command: ['sh', '-c', 'sleep 2; touch /tmp/ready; exec sleep 3600'], 'x-deckhand': {ready: {exec: 'test -f /tmp/ready'}}},
		});
		const result = await upProject(ports, loaded, {timeoutMs: 60_000});
		assert.equal(result.ok, true, JSON.stringify(result.failed));
		const [container] = await docker.listContainers({filters: JSON.stringify({label: [`com.docker.compose.project=${loaded.project.name}`]})});
		// Had the gate been "running", up would have returned before the file existed.
		assert.equal(await exists(container!.Id, '/tmp/ready'), true);
	});

	it('a label probe that never passes fails the step naming that probe and its output', async () => {
		const loaded = testStack(run, 'readyfail', {
			app: {image: TEST_IMAGE, network_mode: 'none', stop_signal: 'SIGKILL', command: ['sleep', '3600'], 'x-deckhand': {ready: {exec: 'echo no-socket-yet; exit 1', timeout: '2s'}}},
		});
		const result = await upProject(ports, loaded, {timeoutMs: 60_000});
		assert.equal(result.ok, false);
		assert.equal(result.failed?.step.id, 'ready:app');
		assert.equal(result.failed?.failure.probe, 'exec:echo no-socket-yet; exit 1');
		assert.match(result.failed?.failure.lastOutput ?? '', /no-socket-yet \(exit code 1\)/);
		assert.ok((result.failed?.failure.attempts ?? 0) >= 2, 'retried before giving up');
	});
});
