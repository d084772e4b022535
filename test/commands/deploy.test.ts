import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type Docker from 'dockerode';
import {newRun, removeTestObjects, testDocker, testName} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {appFiles, createSupervisedApp} from '../fixtures/deploy/supervised-app.js';
import {hostileTarballs} from '../fixtures/deploy/tarballs.js';
import {dockerPorts} from '../../source/docker/ports.js';

describe('deckhand pack / deploy / rollback (CLI, real engine)', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	const scratch = mkdtempSync(join(tmpdir(), 'deckhand-cli-deploy-'));
	const env = {XDG_STATE_HOME: join(scratch, 'state')};
	let app: Docker.Container;
	let name: string;
	const version = async () => (await ports.exec.run(app.id, ['cat', '/app/VERSION'])).stdout.trim();

	/** Packs app version `v` with the CLI; returns the tarball path. */
	async function pack(v: string, healthy = true): Promise<string> {
		const directory = join(scratch, v);
		mkdirSync(directory, {recursive: true});
		for (const file of appFiles(v, healthy)) writeFileSync(join(directory, file.path), file.content, {mode: file.mode ?? 0o644});
		const output = join(scratch, `${v}.tar.gz`);
		const result = await deckhand(['pack', directory, '-o', output, '--json']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal((JSON.parse(result.stdout) as {entries: number}).entries, 3);
		return output;
	}

	before(async () => {
		name = testName('clideploy');
		app = await createSupervisedApp(docker, run, name);
	});
	after(async () => {
		await removeTestObjects(docker, run);
		rmSync(scratch, {recursive: true, force: true});
	});

	it('rollback before any deploy has nothing to restore: exit 2', async () => {
		const result = await deckhand(['rollback', name], env);
		assert.equal(result.exitCode, 2);
		assert.match(result.stderr, /^deckhand: no backup of dhtest-clideploy-\w+ to roll back to/);
	});

	it('pack then deploy: exit 0, the app now runs v2', async () => {
		const result = await deckhand(['deploy', name, await pack('v2'), '--json', '--timeout', '30s'], env);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal((JSON.parse(result.stdout) as {result: string}).result, 'ok');
		assert.equal(await version(), 'v2');
	});

	it('a hostile tarball: one line, exit 2, v2 untouched', async () => {
		const path = join(scratch, 'etc-link.tar.gz');
		writeFileSync(path, (await hostileTarballs('#!/bin/sh\n'))['symlink to /etc']!);
		const result = await deckhand(['deploy', name, path], env);
		assert.equal(result.exitCode, 2);
		assert.equal(result.stderr.trim().split('\n').length, 1);
		assert.match(result.stderr, /^deckhand: tarball rejected: "etc": symlink to the absolute path "\/etc" points outside the target; nothing was changed/);
		assert.equal(await version(), 'v2');
	});

	it('a v3 that fails health: rolled back, exit 1, the probe\'s last output shown', async () => {
		const result = await deckhand(['deploy', name, await pack('v3', false), '--timeout', '30s'], env);
		assert.equal(result.exitCode, 1);
		assert.match(result.stderr, /rolled back to the previous tree/);
		assert.match(result.stdout, /· restore/);
		assert.match(result.stderr, /last probe output: not healthy: HEALTH=broken/);
		assert.equal(await version(), 'v2');
	});

	it('two deploys at once: one refused with exit 1, the other succeeds', async () => {
		const v4 = await pack('v4');
		const results = await Promise.all([deckhand(['deploy', name, v4], env), deckhand(['deploy', name, v4], env)]);
		assert.deepEqual(results.map(result => result.exitCode).sort(), [0, 1], results.map(result => result.stderr).join('\n'));
		assert.match(results.find(result => result.exitCode === 1)!.stderr, /deploy of dhtest-clideploy-\w+ refused: a deploy of it is in progress/);
		assert.equal(await version(), 'v4');
	});

	it('rollback restores the newest backup (v2): exit 0', async () => {
		const result = await deckhand(['rollback', name], env);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /✓ rolled back to .*\.tar into dhtest-clideploy-\w+:\/app/);
		assert.equal(await version(), 'v2');
	});
});
