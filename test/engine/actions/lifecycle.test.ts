import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {restartContainer, startContainer, stopContainer} from '../../../source/engine/actions/lifecycle.js';
import {OperationFailedError} from '../../../source/engine/errors.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../../helpers/engine.js';
import {dockerPorts} from '../../../source/docker/ports.js';

describe('container lifecycle actions', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	after(() => removeTestObjects(docker, run));

	it('restart changes StartedAt; stop then start brings it back; repeating is harmless', async () => {
		const container = await startTestContainer(docker, run, testName('life'), {Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done']});
		const before = (await container.inspect()).State.StartedAt;
		await restartContainer(ports, container.id, {timeoutSeconds: 2});
		assert.notEqual((await container.inspect()).State.StartedAt, before);
		await stopContainer(ports, container.id, {timeoutSeconds: 2});
		await stopContainer(ports, container.id, {timeoutSeconds: 2});
		assert.equal((await container.inspect()).State.Running, false);
		await startContainer(ports, container.id);
		await startContainer(ports, container.id);
		assert.equal((await container.inspect()).State.Running, true);
	});

	it('fails with OperationFailedError naming the container when Docker refuses', async () => {
		await assert.rejects(startContainer(ports, 'dhtest-no-such-container'), (error: unknown) => error instanceof OperationFailedError && /start dhtest-no-such-container failed: .*No such container/i.test(error.message));
	});

	it('does nothing once its signal is aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(restartContainer(ports, 'whatever', {signal: controller.signal}));
	});
});
