/**
 * ssh:// engines against a real sshd (scripts/sshd.sh, Debian's openssh-server) on 127.0.0.1
 * whose remote side runs `docker system dial-stdio` against the private engine: the CLI end
 * to end (status, mode, logs -f, restart, deploy), stats from the API, and a log follower
 * that survives sshd being killed and started again. This file's own sshd directory.
 */
import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {execa} from 'execa';
import {clientFor} from '../../source/docker/client.js';
import {resolveEndpoint} from '../../source/docker/connection.js';
import {dockerPorts} from '../../source/docker/ports.js';
import {chooseStatsSampler} from '../../source/engine/stats/engine-hub.js';
import {assertComposeRestart, assertTarballDeploy, waitForMemoryFigure} from '../helpers/engine-scenarios.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {engineScript, waitFor} from './scripts.js';

const directory = '/tmp/deckhand-sshd-test-ssh';
const sshd = engineScript('scripts/sshd.sh', {DECKHAND_SSHD_DIR: directory, DECKHAND_SSHD_DOCKER_HOST: testHost()});
const docker = testDocker();
const run = newRun();
const scratch = mkdtempSync(join(tmpdir(), 'deckhand-ssh-'));
let host = '';
let env: Record<string, string> = {};

before(async () => {
	host = await sshd.start();
	const exports = await sshd.env();
	env = {SSH_AUTH_SOCK: exports.SSH_AUTH_SOCK!, XDG_STATE_HOME: join(scratch, 'state')};
});
after(async () => {
	await removeTestObjects(docker, run);
	await sshd.stop();
	rmSync(scratch, {recursive: true, force: true});
});

describe('deckhand over ssh:// (real sshd)', () => {
	it('status --json lists a labelled container with CPU and memory from the API', async () => {
		const project = `dhtest-sshproj-${run}`;
		await startTestContainer(docker, run, testName('ssh-status'), {Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'web'}});
		const result = await deckhand(['--host', host, 'status', '--json', '-p', project], env);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '', 'no warnings on stderr');
		const parsed = JSON.parse(result.stdout) as {projects: Array<{name: string; services: Array<{name: string; containers: string[]; memoryBytes: number | null}>}>};
		const web = parsed.projects.find(p => p.name === project)?.services.find(s => s.name === 'web');
		assert.ok(web, result.stdout);
		assert.equal(web.containers.length, 1);
		assert.ok(typeof web.memoryBytes === 'number' && web.memoryBytes > 0, JSON.stringify(web));
	});

	it('mode --json: remote, with the engine facts read through ssh', async () => {
		const result = await deckhand(['--host', host, 'mode', '--json'], env);
		assert.equal(result.exitCode, 0, result.stderr);
		const parsed = JSON.parse(result.stdout) as {mode: string; endpoint: {host: string}; engine: {apiVersion: string}};
		assert.equal(parsed.mode, 'remote');
		assert.equal(parsed.endpoint.host, host);
		assert.match(parsed.engine.apiVersion, /^1\.\d+$/);
	});

	it('without an agent, the default identity in ~/.ssh is used', async () => {
		const home = join(scratch, 'home');
		mkdirSync(join(home, '.ssh'), {recursive: true});
		copyFileSync(join(directory, 'id_ed25519'), join(home, '.ssh', 'id_ed25519'));
		const result = await deckhand(['--host', host, 'mode', '--json'], {SSH_AUTH_SOCK: '', HOME: home});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal((JSON.parse(result.stdout) as {mode: string}).mode, 'remote');
	});

	it('stats through ssh come from the API sampler (no cgroup files), with real figures', async () => {
		const container = await startTestContainer(docker, run, testName('ssh-stats'));
		const remote = clientFor(resolveEndpoint({host, env: {}, homeDirectory: '/nonexistent', readFile: () => undefined}), {SSH_AUTH_SOCK: env.SSH_AUTH_SOCK});
		const remotePorts = dockerPorts(remote);
		assert.equal(remotePorts.cgroup.usable(), false, 'an ssh engine is never read through local cgroup files');
		assert.equal((chooseStatsSampler(remotePorts) as {kind?: string}).kind, 'api');
		await waitForMemoryFigure(remotePorts, container.id, 'a live stats figure through ssh');
	});

	it('24 requests at once all answer (pooled channels; sshd drops connections beyond MaxStartups)', async () => {
		const remote = clientFor(resolveEndpoint({host, env: {}, homeDirectory: '/nonexistent', readFile: () => undefined}), {SSH_AUTH_SOCK: env.SSH_AUTH_SOCK});
		const answers = await Promise.all(Array.from({length: 24}, async () => remote.ping()));
		assert.equal(answers.map(String).filter(answer => answer === 'OK').length, 24);
	});

	it('restart over ssh restarts the container', async () => {
		await assertComposeRestart(docker, run, testName('ssh-restart'), `dhtest-sshrestart-${run}`, {host, env});
	});

	it('deploy of a tarball over ssh: the app runs the new version', async () => {
		await assertTarballDeploy(docker, run, testName('ssh-deploy'), scratch, {host, env});
	});

	it('logs -f over ssh goes on after sshd (and its sessions) is killed and started again, each line once', async () => {
		const name = testName('ssh-follow');
		await startTestContainer(docker, run, name, {Cmd: ['sh', '-c', 'i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.2; done']});
		const follower = execa('node', ['--import', 'tsx', 'cli.tsx', '--host', host, 'logs', '-f', name], {reject: false, env: {CI: 'true', ...env}});
		let output = '';
		follower.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const ticks = () => output.split('\n').filter(line => line.startsWith('tick ')).map(line => Number(line.slice(5)));
		try {
			await waitFor(() => ticks().length >= 3, `the first ticks (output: ${output})`);
			await sshd.action('down');
			const atStop = Math.max(...ticks());
			// The engine goes on logging while sshd is down; those lines must arrive afterwards.
			const lastLogged = async () => Number(/tick (\d+)/.exec((await docker.getContainer(name).logs({stdout: true, tail: 1})).toString())?.[1] ?? -1);
			await waitFor(async () => (await lastLogged()) >= atStop + 5, 'ticks while sshd is down');
			assert.equal(follower.exitCode, null, `the follower still runs while sshd is down (stderr: ${follower.stderr})`);
			await sshd.start();
			await waitFor(() => Math.max(...ticks()) >= atStop + 10, `ticks after sshd came back (output: ${output})`);
			const seen = ticks();
			assert.deepEqual(seen, seen.map((_, index) => index), 'every tick once, in order, none lost');
		} finally {
			follower.kill();
			await follower;
		}
	});
});
