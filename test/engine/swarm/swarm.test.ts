import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import type {StepEvent} from '../../../source/engine/plan/execute.js';
import {deploySwarmStack, restartSwarmService, scaleService} from '../../../source/engine/swarm/index.js';
import {OperationFailedError} from '../../../source/engine/errors.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker} from '../../helpers/engine.js';
import {healthyAfter, testStack} from '../actions/compose/stack.js';
import {dockerPorts} from '../../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(async () => removeTestObjects(docker, run));

type Task = {ID: string; DesiredState: string; Status: {State: string; Timestamp: string}};
const runningTasks = async (service: string) =>
	((await docker.listTasks({filters: JSON.stringify({service: [service], 'desired-state': ['running']})})) as Task[]).filter(task => task.Status.State === 'running');

describe('Swarm stacks on the single-node swarm', () => {
	// db turns healthy after 1 s and must then run 1 s more; api waits for db (Swarm itself would not).
	const loaded = testStack(run, 'swarm', {
		db: {...healthyAfter(1000), 'x-deckhand': {ready: {uptime: '1s'}}},
		api: {image: TEST_IMAGE, network_mode: 'none', stop_signal: 'SIGKILL', command: ['sleep', '3600'], depends_on: {db: {condition: 'service_healthy'}}, 'x-deckhand': {ready: {uptime: '1s'}}},
	});
	const stack = loaded.project.name;
	const events: Array<StepEvent & {wall: number}> = [];

	it('up --swarm creates namespaced services in dependency order, ready by task age', async () => {
		const result = await deploySwarmStack(ports, loaded, {timeoutMs: 120_000, onEvent: event => events.push({...event, wall: Date.now()})});
		assert.deepEqual(result.serviceNames, {db: `${stack}_db`, api: `${stack}_api`});
		const dbReady = events.find(event => event.step === 'ready:db' && event.type === 'ready')!;
		const apiStart = events.find(event => event.step === 'start:api' && event.type === 'starting')!;
		assert.ok(dbReady && apiStart && apiStart.at >= dbReady.at, 'api was created only after db was ready');
		const [dbTask] = await runningTasks(`${stack}_db`);
		assert.ok(dbTask, 'db has a running task');
		const age = dbReady.wall - Date.parse(dbTask.Status.Timestamp);
		assert.ok(age >= 1000, `db was declared ready when its task had run ${age} ms (needs 1 s)`);
		const inspected = (await docker.getService(`${stack}_api`).inspect()) as {Spec: {Labels: Record<string, string>; TaskTemplate: {ContainerSpec: {Labels: Record<string, string>}}}};
		assert.equal(inspected.Spec.Labels['com.docker.stack.namespace'], stack);
		assert.equal(inspected.Spec.TaskTemplate.ContainerSpec.Labels['com.docker.stack.namespace'], stack);
		assert.equal(inspected.Spec.Labels['deckhand.ready.uptime'], '1s');
	});

	it('a second up --swarm leaves running tasks alone', async () => {
		const before = (await runningTasks(`${stack}_api`)).map(task => task.ID);
		const result = await deploySwarmStack(ports, loaded, {timeoutMs: 120_000});
		assert.deepEqual(result.actions, {db: 'updated', api: 'updated'});
		assert.deepEqual((await runningTasks(`${stack}_api`)).map(task => task.ID), before);
	});

	it('a forced rolling restart replaces the tasks and waits until the new ones are ready', async () => {
		const result = await restartSwarmService(ports, 'api', {stack, timeoutMs: 120_000});
		assert.equal(result.service, `${stack}_api`);
		assert.equal(result.previousTaskIds.length, 1);
		assert.equal(result.taskIds.length, 1);
		assert.ok(!result.previousTaskIds.includes(result.taskIds[0]!), 'the ready task is a new one');
		const running = await runningTasks(`${stack}_api`);
		assert.deepEqual(running.map(task => task.ID), result.taskIds);
		assert.ok(Date.now() - Date.parse(running[0]!.Status.Timestamp) >= 1000, 'the new task had run for its minimum uptime');
	});

	it('scale 1 → 2 waits for the second task', async () => {
		const result = await scaleService(ports, `${stack}_api`, 2, {timeoutMs: 120_000});
		assert.equal(result.taskIds.length, 2);
		assert.equal((await runningTasks(`${stack}_api`)).length, 2);
	});

	it('a service that never gets healthy fails with the probe and the tasks last state', async () => {
		const failing = testStack(run, 'swarmfail', {
			never: {image: TEST_IMAGE, network_mode: 'none', stop_signal: 'SIGKILL', command: ['sleep', '3600'], healthcheck: {test: ['CMD', 'false'], interval: '200ms', retries: 1000}},
		});
		const error = await deploySwarmStack(ports, failing, {timeoutMs: 4000}).then(() => undefined, (e: unknown) => e);
		assert.ok(error instanceof OperationFailedError, String(error));
		assert.match(error.message, /step ready:never failed/);
		assert.match(error.message, /probe: tasks running ≥2\.0s/);
		assert.match(error.message, /last output: 0\/1 tasks running for ≥2\.0s \(1 (starting|preparing|assigned|pending)\)/);
	});
});
