import {readFileSync} from 'node:fs';
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {reloadService} from '../../../source/engine/reload/reload.js';
import {supervisorScriptPath} from '../../../source/engine/reload/package-files.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker, testLabels, testName} from '../../helpers/engine.js';
import {containerOutput, waitFor} from '../../fixtures/deploy/supervised-app.js';
import {dockerPorts} from '../../../source/docker/ports.js';

describe('reloadService of a Swarm service (single-node swarm)', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	after(() => removeTestObjects(docker, run));

	it('reloads the running task\'s container on this node and reports no unreachable task', async () => {
		const name = testName('swarmreload');
		// The supervisor script travels as `sh -c SCRIPT`: a service cannot get files before it starts.
		await docker.createService({
			Name: name,
			Labels: testLabels(run),
			TaskTemplate: {
				ContainerSpec: {Image: TEST_IMAGE, Labels: testLabels(run), Command: ['sh', '-c', readFileSync(supervisorScriptPath(), 'utf8'), 'deckhand-supervise', '--', 'sh', '-c', 'echo serving; while :; do sleep 1; done']},
				Networks: [],
			},
			Mode: {Replicated: {Replicas: 1}},
		});
		let containerId = '';
		await waitFor(async () => {
			const tasks = (await docker.listTasks({filters: JSON.stringify({service: [name], 'desired-state': ['running']})})) as Array<{Status?: {State?: string; ContainerStatus?: {ContainerID?: string}}}>;
			containerId = tasks.find(task => task.Status?.State === 'running')?.Status?.ContainerStatus?.ContainerID ?? '';
			return containerId !== '' && (await containerOutput(docker, containerId)).includes('serving');
		}, 60_000, 'the service task to run');
		const result = await reloadService(ports, name, {method: 'signal', timeoutMs: 20_000});
		assert.equal(result.kind, 'swarm');
		assert.deepEqual(result.reloaded.map(r => r.container.id), [containerId]);
		assert.deepEqual(result.unreachable, []);
		await waitFor(async () => (await containerOutput(docker, containerId)).split('\n').filter(line => line === 'serving').length === 2, 30_000, 'the task\'s app to restart');
	});
});
