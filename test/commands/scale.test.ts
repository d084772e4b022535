import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import scale from '../../source/commands/scale.js';
import {runCommand} from '../helpers/command.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker, testLabels, testName} from '../helpers/engine.js';

const docker = testDocker();
const run = newRun();
after(async () => removeTestObjects(docker, run));

/** Runs `deckhand scale` with captured output; the exit code comes from the thrown error too. */
async function runScale(input: string[], flags: Record<string, unknown> = {}) {
	return runCommand(scale, input, {wait: true, ...flags});
}

describe('deckhand scale', () => {
	it('bad arguments and unknown services exit 2 before anything changes', async () => {
		assert.equal((await runScale(['api'])).code, 2);
		const unknown = await runScale([`${testName('nosvc')}=2`]);
		assert.equal(unknown.code, 2);
		assert.match(unknown.err, /no such Swarm service: dhtest-nosvc-/);
	});

	it('scales a service by its compose name within a stack and waits for the new replica count', async () => {
		const stack = testName('scalestack');
		const labels = testLabels(run, {'com.docker.stack.namespace': stack, 'deckhand.ready.uptime': '1s'});
		await docker.createService({
			Name: `${stack}_web`,
			Labels: labels,
			TaskTemplate: {ContainerSpec: {Image: TEST_IMAGE, Args: ['sleep', '3600'], Labels: labels, StopSignal: 'SIGKILL'}, RestartPolicy: {Condition: 'any'}},
			Mode: {Replicated: {Replicas: 0}},
		} as never);
		const result = await runScale(['web=2'], {projectName: stack, timeout: '120s'});
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, new RegExp(`✔ ${stack}_web scaled to 2, ready in `));
		const tasks = (await docker.listTasks({filters: JSON.stringify({service: [`${stack}_web`], 'desired-state': ['running']})})) as Array<{Status: {State: string}}>;
		assert.deepEqual(tasks.map(task => task.Status.State), ['running', 'running']);
	});
});
