/**
 * A Swarm of two nodes (scripts/swarm.sh: a manager and a worker dockerd of this file's own,
 * on 127.0.0.2 and 127.0.0.3): a 2-replica service is placed on both nodes, `deckhand status`
 * counts the replicas of both, the model has the tasks of each node, and `deckhand scale`
 * waits for tasks on both nodes. The shared private engine's Swarm is not touched.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {readModel} from '../../source/engine/live/model-source.js';
import {newRun, TEST_IMAGE, testLabels} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {engineScript, waitFor} from './scripts.js';

const directory = '/tmp/deckhand-swarm-test-swarm';
const swarm = engineScript('scripts/swarm.sh', {DECKHAND_SWARM_DIR: directory});
const manager = new Docker({socketPath: `${directory}/manager/docker.sock`});
const worker = new Docker({socketPath: `${directory}/worker/docker.sock`});
const managerHost = `unix://${directory}/manager/docker.sock`;
const run = newRun();
const stack = `dhtest-twonode-${run}`;
const serviceName = `${stack}_web`;

before(async () => {
	await swarm.start();
});
after(async () => {
	await manager.getService(serviceName).remove().catch(() => undefined);
	// The tasks' containers go with the service; wait so the next start finds clean engines.
	await waitFor(async () => (await Promise.all([manager, worker].map(async engine => engine.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=${run}`]})})))).flat().length === 0, 'task containers removed').catch(() => undefined);
	await swarm.stop();
});

/** Running tasks of the service per node id. */
async function runningPerNode(): Promise<Map<string, number>> {
	const tasks = (await manager.listTasks({filters: JSON.stringify({service: [serviceName], 'desired-state': ['running']})})) as Array<{NodeID: string; Status: {State: string}}>;
	const perNode = new Map<string, number>();
	for (const task of tasks) if (task.Status.State === 'running') perNode.set(task.NodeID, (perNode.get(task.NodeID) ?? 0) + 1);
	return perNode;
}

describe('a Swarm of two nodes', () => {
	it('has two Ready nodes, each its own engine', async () => {
		const nodes = (await manager.listNodes()) as Array<{ID: string; Status: {State: string}}>;
		assert.deepEqual(nodes.map(node => node.Status.State), ['ready', 'ready']);
		const [managerInfo, workerInfo] = await Promise.all([manager.info(), worker.info()]);
		assert.notEqual(managerInfo.Swarm.NodeID, workerInfo.Swarm.NodeID);
		assert.equal(workerInfo.Swarm.ControlAvailable, false, 'the second node is a worker');
	});

	it('a 2-replica service runs a task on each node; status counts both; the model knows each task’s node', async () => {
		const labels = testLabels(run, {'com.docker.stack.namespace': stack});
		await manager.createService({
			Name: serviceName,
			Labels: labels,
			TaskTemplate: {ContainerSpec: {Image: TEST_IMAGE, Command: ['sleep', '3600'], Labels: labels}, Placement: {MaxReplicas: 1}},
			Mode: {Replicated: {Replicas: 2}},
		} as never);
		await waitFor(async () => [...(await runningPerNode()).values()].join() === '1,1', 'one running task on each node');
		const [onManager, onWorker] = await Promise.all([manager, worker].map(async engine => engine.listContainers({filters: JSON.stringify({label: [`deckhand.test=${run}`]})})));
		assert.equal(onManager!.length, 1, 'one task container on the manager’s engine');
		assert.equal(onWorker!.length, 1, 'one task container on the worker’s engine');

		const result = await deckhand(['--host', managerHost, 'status', '--json', '-p', stack, '--no-stats']);
		assert.equal(result.exitCode, 0, result.stderr);
		const parsed = JSON.parse(result.stdout) as {swarmActive: boolean; projects: Array<{name: string; services: Array<{name: string; replicas: {running: number; total: number}}>}>};
		assert.equal(parsed.swarmActive, true);
		assert.deepEqual(parsed.projects.find(p => p.name === stack)?.services.find(s => s.name === 'web')?.replicas, {running: 2, total: 2}, result.stdout);

		const model = await readModel(dockerPorts(manager));
		const nodes = Object.values(model.tasks).filter(task => model.services[task.serviceId]?.name === serviceName && task.state === 'running').map(task => task.nodeId);
		assert.equal(new Set(nodes).size, 2, `running tasks on two nodes (${nodes.join(', ')})`);
	});

	it('scale to 4 waits for tasks on both nodes (two each), and back to 2', async () => {
		await manager.getService(serviceName).inspect().then(async service => {
			const spec = {...service.Spec, TaskTemplate: {...service.Spec.TaskTemplate, Placement: {}}};
			await manager.getService(serviceName).update({_query: {version: service.Version.Index}, _body: spec} as never);
		});
		const up = await deckhand(['--host', managerHost, 'scale', 'web=4', '-p', stack, '--timeout', '45s']);
		assert.equal(up.exitCode, 0, up.stderr);
		assert.match(up.stdout, /scaled to 4, ready in/);
		assert.deepEqual([...(await runningPerNode()).values()].sort(), [2, 2], 'two tasks on each node');
		const down = await deckhand(['--host', managerHost, 'scale', 'web=2', '-p', stack, '--timeout', '45s']);
		assert.equal(down.exitCode, 0, down.stderr);
		await waitFor(async () => [...(await runningPerNode()).values()].reduce((a, b) => a + b, 0) === 2, 'two running tasks');
	});
});
