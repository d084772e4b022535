/**
 * Log following and stats streams survive a daemon restart. This file stops and starts a
 * daemon, so it uses its OWN private engine instance (never the shared one).
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {logCapabilities} from '../../source/engine/logs/follow.js';
import {createApiStatsSampler} from '../../source/engine/stats/api-sampler.js';
import {followLogs} from '../../source/engine/logs/follow.js';
import {createStatsHub} from '../../source/engine/stats/hub.js';
import {newRun, startTestContainer, testName} from '../helpers/engine.js';
import {dockerPorts} from '../../source/docker/ports.js';

const engineDirectory = '/tmp/deckhand-engine-B';
const engineEnv = {...process.env, DECKHAND_ENGINE_DIR: engineDirectory, DECKHAND_NO_SWARM: '1'};
const engine = async (action: 'start' | 'stop') => promisify(execFile)('bash', ['scripts/engine.sh', action], {env: engineEnv, timeout: 180_000});
const docker = new Docker({socketPath: `${engineDirectory}/docker.sock`});
const ports = dockerPorts(docker);
const run = newRun();

async function waitFor(condition: () => boolean, what: string, deadlineMs = 60_000) {
	const deadline = Date.now() + deadlineMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

before(async () => {
	await engine('start');
});
after(async () => {
	const containers = await docker.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=${run}`]})}).catch(() => []);
	await Promise.all(containers.map(async container => docker.getContainer(container.Id).remove({force: true}).catch(() => undefined)));
	await engine('stop');
});

describe('streams across a daemon restart', () => {
	it('a log follower and a stats subscription both resume when the daemon and the container come back', async () => {
		const container = await startTestContainer(docker, run, testName('daemon-restart'), {
			Cmd: ['sh', '-c', 'echo boot; exec sleep 3600'],
			StopSignal: 'SIGKILL',
			HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: 'always'}},
		});
		const controller = new AbortController();
		const seen: string[] = [];
		const following = followLogs(logCapabilities(ports), container.id, {follow: true, signal: controller.signal, onLines: lines => seen.push(...lines.map(line => line.text))});
		const hub = createStatsHub({sampler: createApiStatsSampler(ports), intervalMs: 250});
		const figures: number[] = [];
		hub.subscribe([container.id], update => figures.push(update.stats.get(container.id)!.at), {signal: controller.signal});
		try {
			await waitFor(() => seen.length === 1 && figures.length > 0, 'the first boot line and stats');
			await engine('stop');
			const stoppedAt = Date.now();
			await engine('start');
			await waitFor(() => seen.length >= 2, `the boot line of the restarted container (seen: ${JSON.stringify(seen)})`);
			await waitFor(() => figures.some(at => at > stoppedAt), 'stats after the daemon restart');
			assert.deepEqual(seen, ['boot', 'boot'], 'each boot line once');
		} finally {
			controller.abort();
			hub.close();
			await following.catch(() => undefined);
		}
	});
});
