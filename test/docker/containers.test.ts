/** The containers adapter on the real engine: stop honours a stop signal the container was not created with. */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {dockerPorts} from '../../source/docker/ports.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';

const docker = testDocker();
const ports = dockerPorts(docker);
const run = newRun();
after(() => removeTestObjects(docker, run));

describe('containers adapter: stop', () => {
	it('sends the stop signal it is given (here SIGHUP, which the app exits on) instead of waiting out the grace period', async () => {
		// PID 1 ignores SIGTERM (no handler) and exits 0 on SIGHUP.
		const container = await startTestContainer(docker, run, testName('stop-signal'), {Cmd: ['sh', '-c', 'trap "exit 0" HUP; while true; do sleep 0.2; done']});
		const started = Date.now();
		await ports.containers.stop(container.id, {signal: 'SIGHUP', timeoutSeconds: 20});
		const elapsed = Date.now() - started;
		const info = await ports.containers.inspect(container.id);
		assert.equal(info.State.Running, false);
		assert.equal(info.State.ExitCode, 0, 'exited on its own SIGHUP handler, not killed');
		assert.ok(elapsed < 10_000, `stopped in ${elapsed} ms, well inside the 20 s grace period`);
	});

	it('is idempotent: stopping a stopped container and removing a removed one succeed', async () => {
		const container = await startTestContainer(docker, run, testName('stop-twice'));
		await ports.containers.stop(container.id, {timeoutSeconds: 0});
		await ports.containers.stop(container.id, {timeoutSeconds: 0});
		await ports.containers.remove(container.id);
		await ports.containers.remove(container.id);
		await assert.rejects(ports.containers.inspect(container.id), (error: {statusCode?: number}) => error.statusCode === 404);
	});
});
