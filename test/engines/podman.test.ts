/**
 * deckhand against Podman's Docker-compatible service (scripts/podman.sh, Debian's podman 4.3,
 * runc with `default_ulimits = []`): status, mode (product podman), events, logs, stats, exec,
 * restart, health and deploy. Podman runs healthchecks from systemd timers, absent here; the
 * tests that need health run them the way such a timer does (libpod's healthcheck endpoint,
 * i.e. `podman healthcheck run`), every second. This file's own Podman directory.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {execa} from 'execa';
import {dockerPorts} from '../../source/docker/ports.js';
import {readModel} from '../../source/engine/live/model-source.js';
import type {DockerEvent} from '../../source/engine/model/types.js';
import {assertComposeRestart, assertTarballDeploy, waitForMemoryFigure} from '../helpers/engine-scenarios.js';
import {newRun, removeTestObjects, startTestContainer, TEST_LABEL, testName} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {engineScript, waitFor} from './scripts.js';

const directory = '/tmp/deckhand-podman-test-podman';
const podman = engineScript('scripts/podman.sh', {DECKHAND_PODMAN_DIR: directory});
const docker = new Docker({socketPath: `${directory}/podman.sock`});
const host = `unix://${directory}/podman.sock`;
const ports = dockerPorts(docker);
const run = newRun();
const scratch = mkdtempSync(join(tmpdir(), 'deckhand-podman-'));
const env = {XDG_STATE_HOME: join(scratch, 'state')};
const timer = new AbortController();

/** What Podman's systemd healthcheck timer does: run each labelled running container's healthcheck, every second. */
async function runHealthchecksLikeATimer(signal: AbortSignal): Promise<void> {
	const filters = JSON.stringify({label: [`${TEST_LABEL}=${run}`], status: ['running']});
	while (!signal.aborted) {
		const containers = await docker.listContainers({filters}).catch(() => []);
		await Promise.all(
			containers.map(
				async container =>
					new Promise<void>(resolve => {
						docker.modem.dial({path: `/v4.0.0/libpod/containers/${container.Id}/healthcheck`, method: 'GET', statusCodes: {200: true, 409: true, 500: true}}, () => resolve());
					}),
			),
		);
		await new Promise(resolve => setTimeout(resolve, 1000));
	}
}

before(async () => {
	await podman.start();
	void runHealthchecksLikeATimer(timer.signal);
});
after(async () => {
	timer.abort();
	await removeTestObjects(docker, run).catch(() => undefined);
	await podman.stop();
	rmSync(scratch, {recursive: true, force: true});
});

const compose = (project: string, service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});

describe('deckhand against Podman', () => {
	it('mode --json names podman with its version; the API is pinned to Podman’s 1.41', async () => {
		const result = await deckhand(['--host', host, 'mode', '--json'], env);
		assert.equal(result.exitCode, 0, result.stderr);
		const parsed = JSON.parse(result.stdout) as {engine: {product: string; version: string; apiVersion: string}};
		assert.equal(parsed.engine.product, 'podman');
		assert.match(parsed.engine.version, /^4\.\d+\.\d+/);
		assert.equal(parsed.engine.apiVersion, '1.41');
		const human = await deckhand(['--host', host, 'mode'], env);
		assert.match(human.stdout, /^engine\s+podman 4\.\d+\.\d+ \(API 1\.41\)$/m);
	});

	it('status --json lists a compose-labelled container with memory figures', async () => {
		const project = `dhtest-podproj-${run}`;
		await startTestContainer(docker, run, testName('pod-status'), {Labels: compose(project, 'web')});
		const result = await deckhand(['--host', host, 'status', '--json', '-p', project], env);
		assert.equal(result.exitCode, 0, result.stderr);
		const parsed = JSON.parse(result.stdout) as {swarmActive: boolean; projects: Array<{name: string; services: Array<{name: string; state: string; memoryBytes: number | null}>}>};
		assert.equal(parsed.swarmActive, false);
		const web = parsed.projects.find(p => p.name === project)?.services.find(s => s.name === 'web');
		assert.equal(web?.state, 'running', result.stdout);
		assert.ok(typeof web.memoryBytes === 'number' && web.memoryBytes > 0, JSON.stringify(web));
	});

	it('events: start and die of a container arrive on the events stream', async () => {
		const controller = new AbortController();
		const seen: DockerEvent[] = [];
		let opened!: () => void;
		const open = new Promise<void>(resolve => (opened = resolve));
		const following = ports.events.follow(event => seen.push(event), {signal: controller.signal, onOpen: () => opened()});
		try {
			await open;
			const container = await startTestContainer(docker, run, testName('pod-events'), {Cmd: ['sh', '-c', 'exit 3']});
			const actions = () => seen.filter(event => event.id === container.id).map(event => event.action);
			await waitFor(() => actions().includes('start') && actions().includes('die'), `start and die events (seen: ${JSON.stringify(seen.map(e => e.action))})`);
		} finally {
			controller.abort();
			await following;
		}
	});

	it('logs: the CLI prints a container’s lines, and -f follows new ones', async () => {
		const name = testName('pod-logs');
		await startTestContainer(docker, run, name, {Cmd: ['sh', '-c', 'echo first; i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.2; done']});
		await waitFor(async () => (await deckhand(['--host', host, 'logs', name], env)).stdout.includes('tick 1'), 'two ticks in `logs`');
		const follower = execa('node', ['--import', 'tsx', 'cli.tsx', '--host', host, 'logs', '-f', '--tail', '1', name], {reject: false, env: {CI: 'true', ...env}});
		let output = '';
		follower.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		try {
			await waitFor(() => output.split('\n').filter(line => line.startsWith('tick ')).length >= 3, `followed ticks (output: ${output})`);
		} finally {
			follower.kill();
			await follower;
		}
	});

	it('stats: the console’s stats hub delivers figures for a Podman container', async () => {
		const container = await startTestContainer(docker, run, testName('pod-stats'));
		await waitForMemoryFigure(ports, container.id, 'a stats figure');
	});

	it('exec runs a command in a Podman container', async () => {
		const container = await startTestContainer(docker, run, testName('pod-exec'));
		assert.deepEqual(await ports.exec.run(container.id, ['sh', '-c', 'echo out; echo err >&2; exit 4']), {exitCode: 4, stdout: 'out\n', stderr: 'err\n'});
	});

	it('restart restarts a compose-labelled container', async () => {
		await assertComposeRestart(docker, run, testName('pod-restart'), `dhtest-podrestart-${run}`, {host, env});
	});

	it('health: deckhand reads Podman’s health once a healthcheck has run', async () => {
		const second = 1_000_000_000;
		const container = await startTestContainer(docker, run, testName('pod-health'), {Healthcheck: {Test: ['CMD-SHELL', 'true'], Interval: second, Retries: 2}});
		await waitFor(async () => (await readModel(ports)).containers[container.id]?.health === 'healthy', 'healthy in the model');
	});

	it('deploy of a tarball: the app runs the new version', async () => {
		await assertTarballDeploy(docker, run, testName('pod-deploy'), scratch, {host, env});
	});
});
