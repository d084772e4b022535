import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type Docker from 'dockerode';
import {newRun, removeTestObjects, testDocker, testName} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {containerOutput, createSupervisedApp, servingLines, waitFor} from '../fixtures/deploy/supervised-app.js';

describe('deckhand reload (CLI, real engine)', () => {
	const docker = testDocker();
	const run = newRun();
	let app: Docker.Container;
	let name: string;
	before(async () => {
		name = testName('clireload');
		app = await createSupervisedApp(docker, run, name, {labels: {'deckhand.reload.method': 'touch', 'deckhand.reload.touch': '/tmp/reload'}});
	});
	after(() => removeTestObjects(docker, run));

	it('reloads by the method its labels name (touch), says how long it was not ready, exit 0', async () => {
		const before = servingLines(await containerOutput(docker, app.id)).length;
		const result = await deckhand(['reload', name, '--timeout', '30s']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, new RegExp(`✓ ${name}: touch /tmp/reload, ready again after \\d+\\.\\d\\ds not ready`));
		await waitFor(async () => servingLines(await containerOutput(docker, app.id)).length > before, 10_000, 'a restart in the app log');
	});

	it('--json reports the method and the not-ready time', async () => {
		const result = await deckhand(['reload', name, '--method', 'signal', '--json']);
		assert.equal(result.exitCode, 0, result.stderr);
		const report = JSON.parse(result.stdout) as {reloaded: Array<{method: string; notReadyMs: number}>; unreachable: unknown[]};
		assert.equal(report.reloaded[0]!.method, 'signal');
		assert.ok(report.reloaded[0]!.notReadyMs > 0);
		assert.deepEqual(report.unreachable, []);
	});

	it('an unknown service or method is one line and exit 2', async () => {
		const unknown = await deckhand(['reload', 'dhtest-nothing-here-e']);
		assert.equal(unknown.exitCode, 2);
		assert.equal(unknown.stderr.trim(), 'deckhand: no such service or container: dhtest-nothing-here-e');
		const method = await deckhand(['reload', name, '--method', 'bogus']);
		assert.equal(method.exitCode, 2);
		assert.match(method.stderr, /unknown reload method "bogus"/);
	});
});
