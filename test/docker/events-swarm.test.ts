import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {startLiveModel} from '../../source/engine/live/model-source.js';
import type {ModelSnapshot} from '../../source/engine/model/types.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker, testLabels, testName} from '../helpers/engine.js';
import {waitForSnapshot} from './events-wait.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(() => removeTestObjects(docker, run));

const runningTasks = (snapshot: ModelSnapshot, serviceId: string) => Object.values(snapshot.state.tasks).filter(task => task.serviceId === serviceId && task.state === 'running').length;

describe('Swarm services in the live model', () => {
	it('follows a service from create through scale to remove, from events only', async () => {
		const model = startLiveModel(ports, {intervalMs: 100});
		try {
			await model.ready;
			assert.equal(model.current().state.swarmActive, true);
			const name = testName('svc');
			const spec = {
				Name: name,
				Labels: testLabels(run, {'com.docker.stack.namespace': `dhtest-${run}`}),
				TaskTemplate: {ContainerSpec: {Image: TEST_IMAGE, Command: ['sleep', '3600'], Labels: testLabels(run)}},
				Mode: {Replicated: {Replicas: 1}},
			};
			const created = (await docker.createService(spec as never)) as unknown as {id: string};
			const describe = (snapshot: ModelSnapshot) => `service ${JSON.stringify(snapshot.state.services[created.id])}, running tasks ${runningTasks(snapshot, created.id)}`;
			const one = await waitForSnapshot(model, snapshot => runningTasks(snapshot, created.id) === 1, 60_000, describe);
			assert.deepEqual([one.state.services[created.id]!.name, one.state.services[created.id]!.replicas, one.state.services[created.id]!.stack], [name, 1, `dhtest-${run}`]);

			const service = docker.getService(created.id);
			const info = (await service.inspect()) as {Version: {Index: number}};
			await service.update({...spec, version: info.Version.Index, Mode: {Replicated: {Replicas: 2}}} as never);
			await waitForSnapshot(model, snapshot => snapshot.state.services[created.id]?.replicas === 2 && runningTasks(snapshot, created.id) === 2, 60_000, describe);

			await service.remove();
			const gone = await waitForSnapshot(model, snapshot => snapshot.state.services[created.id] === undefined, 30_000, describe);
			assert.equal(Object.values(gone.state.tasks).filter(task => task.serviceId === created.id).length, 0);
		} finally {
			model.close();
		}
	});
});
