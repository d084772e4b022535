import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execa} from 'execa';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../helpers/engine.js';

const cli = (args: string[]) => execa('node', ['dist/cli.js', ...args], {reject: false, env: {CI: 'true', DOCKER_HOST: testHost()}});

describe('--read-only refuses every command that changes the engine (real engine, nothing changed)', () => {
	const docker = testDocker();
	const run = newRun();
	const project = `dhtest-ro-${run}`;
	let id = '';
	before(async () => {
		const container = await startTestContainer(docker, run, testName('ro'), {
			Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
			Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'web'},
		});
		id = container.id;
	});
	after(async () => removeTestObjects(docker, run));

	const cases: Array<[string, string[]]> = [
		['down', ['down', '-p', project]],
		['scale', ['scale', 'web=3', '-p', project]],
		['restart', ['restart', 'web', '-p', project]],
		['reload', ['reload', 'web']],
		['deploy', ['deploy', 'web', '/tmp/none.tgz', '--path', '/app']],
		['rollback', ['rollback', 'web']],
		['stop', ['stop', 'web', '-p', project]],
		['start', ['start', 'web', '-p', project]],
		['up', ['up', '-f', 'test/fixtures/compose-ro-absent.yaml']],
	];
	for (const [name, args] of cases) {
		it(`${name}: exit 2, one line saying why, the container untouched`, async () => {
			const before = (await docker.getContainer(id).inspect()).State;
			const result = await cli(['--read-only', ...args]);
			if (name === 'up') {
				// up loads its file first: a missing file is bad input before the refusal.
				assert.equal(result.exitCode, 2);
				return;
			}
			assert.equal(result.exitCode, 2, result.stderr);
			assert.equal(result.stderr.trim(), `deckhand: read-only: ${name} changes the engine (started with --read-only)`);
			assert.deepEqual((await docker.getContainer(id).inspect()).State, before);
		});
	}

	it('up with a real file is refused too, and creates nothing', async () => {
		const {mkdtempSync, writeFileSync} = await import('node:fs');
		const {join} = await import('node:path');
		const {tmpdir} = await import('node:os');
		const directory = mkdtempSync(join(tmpdir(), 'dhtest-ro-'));
		const file = join(directory, 'compose.yaml');
		writeFileSync(file, `services:\n  a: {image: deckhand-test/busybox:1, command: sleep 3600, labels: {deckhand.test: "${run}"}}\n`);
		const result = await cli(['--read-only', 'up', '-f', file, '-p', `${project}-up`]);
		assert.equal(result.exitCode, 2);
		assert.equal(result.stderr.trim(), 'deckhand: read-only: up changes the engine (started with --read-only)');
		assert.equal((await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}-up`]}})).length, 0);
	});

	it('a restart interrupted with SIGINT exits 1 with one line saying what was left in which state', async () => {
		const slow = await startTestContainer(docker, run, testName('ro-slow'), {
			Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
			Labels: {'com.docker.compose.project': `${project}-int`, 'com.docker.compose.service': 'slow'},
			Healthcheck: {Test: ['CMD-SHELL', 'test -f /tmp/never'], Interval: 1_000_000_000, Retries: 100},
		});
		const child = execa('node', ['dist/cli.js', 'restart', 'slow', '-p', `${project}-int`], {reject: false, env: {CI: 'true', DOCKER_HOST: testHost()}});
		let out = '';
		child.stdout!.on('data', chunk => (out += chunk));
		const deadline = Date.now() + 30_000;
		while (!out.includes('waiting for healthy') && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
		assert.ok(out.includes('waiting for healthy'), out);
		child.kill('SIGINT');
		const result = await child;
		assert.equal(result.exitCode, 1, result.stderr);
		assert.match(result.stderr.trim(), /^deckhand: restart of slow cancelled after [\d.]+s; left: .*slow waiting for healthy$/);
		assert.equal(result.stderr.trim().split('\n').length, 1);
		assert.equal((await slow.inspect()).State.Running, true);
	});
});
