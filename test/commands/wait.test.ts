import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import wait from '../../source/commands/wait.js';
import {runCommand} from '../helpers/command.js';
import {freePort} from '../helpers/ports.js';
import {newRun, removeTestObjects, startTestContainer, TEST_IMAGE, testDocker, testLabels, testName} from '../helpers/engine.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(async () => removeTestObjects(docker, run));

/** Runs `deckhand wait` with captured output; the exit code comes from the thrown error too. */
async function runWait(input: string[], flags: Record<string, unknown> = {}) {
	const began = Date.now();
	const result = await runCommand(wait, input, {failFast: false, ...flags});
	return {...result, at: Date.now(), tookMs: Date.now() - began};
}

/** Polls until `condition` holds (deadline 30 s). */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

describe('deckhand wait on real containers', {concurrency: true}, () => {
	it('healthcheck: ready the moment the check flips to healthy, not before', async () => {
		const name = testName('wait-health');
		const container = await startTestContainer(docker, run, name, {Healthcheck: {Test: ['CMD', 'test', '-f', '/tmp/ok'], Interval: 200e6, Retries: 1000}});
		const waiting = runWait([name], {timeout: '60s'});
		// "After a moment": once the check has failed at least once, make it pass.
		await until(async () => ((await container.inspect()).State.Health?.FailingStreak ?? 0) >= 1, 'a failed healthcheck');
		const touchedAt = Date.now();
		await ports.exec.run(name, ['touch', '/tmp/ok']);
		const result = await waiting;
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, new RegExp(`✔ ${name} ready \\(healthcheck\\)`));
		assert.ok(result.at >= touchedAt, 'the wait ended only after the file was touched');
	});

	it('exec probe from deckhand.ready.exec', async () => {
		const name = testName('wait-exec');
		await startTestContainer(docker, run, name, {Cmd: ['sh', '-c', 'sleep 1; touch /tmp/ready; exec sleep 3600'], Labels: {'deckhand.ready.exec': 'test -f /tmp/ready'}});
		const result = await runWait([name], {timeout: '60s'});
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, /ready \(exec:test -f \/tmp\/ready\)/);
	});

	it('tcp and http probes against busybox httpd on the host network', async () => {
		const name = testName('wait-http');
		const port = await freePort();
		await startTestContainer(docker, run, name, {
			Cmd: ['sh', '-c', `mkdir -p /tmp/www && echo hello > /tmp/www/index.html && sleep 1 && exec httpd -f -p 127.0.0.1:${port} -h /tmp/www`],
			Labels: {'deckhand.ready.tcp': String(port), 'deckhand.ready.http': `${port}/index.html`},
			HostConfig: {NetworkMode: 'host'},
		});
		const result = await runWait([name], {timeout: '60s'});
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, new RegExp(`ready \\(tcp:${port} \\+ http:${port}/index.html\\)`));
	});

	it('log probe: a line matching the pattern since start', async () => {
		const name = testName('wait-log');
		await startTestContainer(docker, run, name, {Cmd: ['sh', '-c', 'echo booting; sleep 1; echo "listening on 9000"; exec sleep 3600'], Labels: {'deckhand.ready.log': 'listening on \\d+'}});
		const result = await runWait([name], {timeout: '60s'});
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, /ready \(log:listening on \\d\+\)/);
	});

	it('uptime probe: returns only once the container has run for the minimum', async () => {
		const name = testName('wait-uptime');
		const container = await startTestContainer(docker, run, name, {Labels: {'deckhand.ready.uptime': '3s'}});
		const result = await runWait([name], {timeout: '60s'});
		assert.equal(result.code, 0, result.err);
		const startedAt = Date.parse((await container.inspect()).State.StartedAt);
		assert.ok(result.at - startedAt >= 3000, `returned ${result.at - startedAt} ms after start`);
	});

	it('a failing probe exits 1 naming the probe, its attempts and its last output', async () => {
		const name = testName('wait-fail');
		await startTestContainer(docker, run, name, {Labels: {'deckhand.ready.exec': 'echo still-broken; exit 3'}});
		const result = await runWait([name], {timeout: '2s'});
		assert.equal(result.code, 1);
		assert.match(result.err, /exec:echo still-broken; exit 3 probe not ready after \d/);
		assert.match(result.err, /\(\d+ attempts\); last output: still-broken \(exit code 3\)/);
		assert.ok(result.tookMs < 15_000, `gave up near the 2 s deadline (took ${result.tookMs} ms)`);
	});

	it('an unknown service exits 2 naming it', async () => {
		const result = await runWait([testName('nobody')]);
		assert.equal(result.code, 2);
		assert.match(result.err, /no such service: dhtest-nobody-/);
	});

	it('-p without services waits on every service of the project', async () => {
		const project = testName('waitproj');
		const compose = (service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});
		await startTestContainer(docker, run, testName('wait-p1'), {Labels: compose('db')});
		await startTestContainer(docker, run, testName('wait-p2'), {Labels: {...compose('api'), 'deckhand.ready.exec': 'true'}});
		const result = await runWait([], {projectName: project, timeout: '60s'});
		assert.equal(result.code, 0, result.err);
		assert.equal(result.out.trim().split('\n').length, 2, result.out);
		const byService = await runWait(['api'], {projectName: project, timeout: '60s'});
		assert.equal(byService.code, 0, byService.err);
		assert.match(byService.out, /ready \(exec:true\)/);
	});

	it('a Swarm service by its stack-scoped name: ready once its task has run for the minimum uptime', async () => {
		const stack = testName('waitstack');
		const labels = testLabels(run, {'com.docker.stack.namespace': stack, 'deckhand.ready.uptime': '1s'});
		await docker.createService({
			Name: `${stack}_worker`,
			Labels: labels,
			TaskTemplate: {ContainerSpec: {Image: TEST_IMAGE, Args: ['sleep', '3600'], Labels: labels, StopSignal: 'SIGKILL'}},
			Mode: {Replicated: {Replicas: 1}},
		} as never);
		const result = await runWait(['worker'], {projectName: stack, timeout: '120s'});
		assert.equal(result.code, 0, result.err);
		assert.match(result.out, new RegExp(`✔ ${stack}_worker ready \\(tasks running ≥1\\.0s\\)`));
		const all = await runWait([], {projectName: stack, timeout: '120s'});
		assert.equal(all.code, 0, all.err);
		assert.match(all.out, /_worker ready/);
	});
});
