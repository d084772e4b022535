import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName, TEST_IMAGE} from './engine.js';

const docker = testDocker();
const run = newRun();
after(async () => removeTestObjects(docker, run));

test('the private engine runs the local test image without a registry', async () => {
	const image = await docker.getImage(TEST_IMAGE).inspect();
	assert.ok(image.Id.startsWith('sha256:'));
	const container = await startTestContainer(docker, run, testName('smoke'), {Cmd: ['sh', '-c', 'echo ready; sleep 60']});
	const info = await container.inspect();
	assert.equal(info.State.Running, true);
	const info2 = await docker.info();
	assert.equal(info2.Swarm.LocalNodeState, 'active', 'the private engine runs a single-node Swarm');
});
