import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, describe, it} from 'node:test';
import type Docker from 'dockerode';
import {startLiveModel} from '../../source/engine/live/model-source.js';
import type {Health} from '../../source/engine/model/types.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';
import {waitForSnapshot} from './events-wait.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(() => removeTestObjects(docker, run));

async function execShell(container: Docker.Container, script: string): Promise<void> {
	const exec = await container.exec({Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true});
	const stream = await exec.start({});
	stream.pipe(new PassThrough()).resume();
	await new Promise(resolve => stream.on('end', resolve));
}

describe('health in the live model', () => {
	it('shows starting → healthy → unhealthy as the healthcheck file appears and goes', async () => {
		const model = startLiveModel(ports, {intervalMs: 100});
		try {
			await model.ready;
			const second = 1_000_000_000;
			const container = await startTestContainer(docker, run, testName('health'), {
				// The start period keeps early failed checks (before the file exists) from counting; the long
				// timeout keeps a slow exec on a loaded machine from counting as a failure.
				Healthcheck: {Test: ['CMD-SHELL', 'test -f /tmp/ok'], Interval: second, Timeout: 20 * second, Retries: 1, StartPeriod: 60 * second},
			});
			const seen: Health[] = [];
			const unsubscribe = model.subscribe(snapshot => {
				// Health means something only while the container runs (created containers report none).
				const facts = snapshot.state.containers[container.id];
				if (facts?.state === 'running' && facts.health !== seen.at(-1)) seen.push(facts.health);
			});
			const healthOf = (snapshot: {state: {containers: Record<string, {health: Health}>}}) => snapshot.state.containers[container.id]?.health;
			const describe = (snapshot: Parameters<typeof healthOf>[0]) => `health ${healthOf(snapshot)}, seen ${seen.join(' → ')}`;
			await waitForSnapshot(model, snapshot => healthOf(snapshot) === 'starting', 20_000, describe);
			await execShell(container, 'touch /tmp/ok');
			await waitForSnapshot(model, snapshot => healthOf(snapshot) === 'healthy', 30_000, describe);
			await execShell(container, 'rm /tmp/ok');
			await waitForSnapshot(model, snapshot => healthOf(snapshot) === 'unhealthy', 45_000, describe).catch(async (error: Error) => {
				const daemon = (await container.inspect()).State.Health;
				throw new Error(`${error.message}; daemon says ${daemon?.Status}, last checks ${JSON.stringify(daemon?.Log?.slice(-2))}`);
			});
			unsubscribe();
			// A container known only from its create event reads `none` until its inspect lands
			// (milliseconds, but a start event can come first); after that the order is exact.
			assert.deepEqual(seen.slice(seen.indexOf('starting')), ['starting', 'healthy', 'unhealthy'], `seen ${seen.join(' → ')}`);
			assert.ok(seen.indexOf('starting') <= 1, `at most one leading none: ${seen.join(' → ')}`);
			// The model agrees with the daemon's own view.
			assert.equal((await container.inspect()).State.Health?.Status, 'unhealthy');
		} finally {
			model.close();
		}
	});
});
