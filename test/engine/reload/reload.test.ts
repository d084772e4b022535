import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import {OperationFailedError, UsageError} from '../../../source/engine/errors.js';
import {NotReadyError} from '../../../source/engine/reload/ready.js';
import {reloadActionFor, reloadService} from '../../../source/engine/reload/reload.js';
import {newRun, removeTestObjects, testDocker, testName} from '../../helpers/engine.js';
import {containerOutput, createSupervisedApp, servingLines, waitFor} from '../../fixtures/deploy/supervised-app.js';
import {dockerPorts} from '../../../source/docker/ports.js';

describe('reloadActionFor (labels + overrides → action)', () => {
	it('defaults to SIGHUP, and reads the signal, touch path and command from labels', () => {
		assert.deepEqual(reloadActionFor({}), {method: 'signal', killSignal: 'SIGHUP'});
		assert.deepEqual(reloadActionFor({'deckhand.reload.signal': 'usr2'}), {method: 'signal', killSignal: 'SIGUSR2'});
		assert.deepEqual(reloadActionFor({'deckhand.reload.touch': '/app/.reload'}), {method: 'touch', path: '/app/.reload'});
		assert.deepEqual(reloadActionFor({'deckhand.reload.exec': 'kill -HUP 1'}), {method: 'exec', command: 'kill -HUP 1'});
		assert.deepEqual(reloadActionFor({'deckhand.reload.touch': '/x'}, {method: 'restart'}), {method: 'restart'});
	});

	it('refuses incomplete or unknown methods as bad input', () => {
		assert.throws(() => reloadActionFor({}, {method: 'touch'}), UsageError);
		assert.throws(() => reloadActionFor({}, {method: 'exec'}), UsageError);
		assert.throws(() => reloadActionFor({}, {method: 'reboot' as 'signal'}), /unknown reload method "reboot"/);
	});
});

describe('reloadService on the real engine (supervised busybox app)', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	let app: Docker.Container;
	let startedAt: string;
	before(async () => {
		app = await createSupervisedApp(docker, run, testName('reload'), {labels: {'deckhand.reload.touch': '/tmp/reload', 'deckhand.reload.exec': 'kill -HUP 1'}});
		startedAt = (await app.inspect()).State.StartedAt;
	});
	after(() => removeTestObjects(docker, run));

	/** Reloads by `method` and proves the app (not the container) restarted. */
	async function provesRestart(method: 'signal' | 'touch' | 'exec') {
		const before = servingLines(await containerOutput(docker, app.id)).length;
		const result = await reloadService(ports, app.id, {method, timeoutMs: 30_000});
		assert.equal(result.reloaded.length, 1);
		assert.equal(result.reloaded[0]!.action.method, method);
		assert.ok(result.reloaded[0]!.notReadyMs > 0, 'a not-ready time is measured');
		await waitFor(async () => servingLines(await containerOutput(docker, app.id)).length > before, 10_000, `the app to log a restart after reload by ${method}`);
		const info = await app.inspect();
		assert.equal(info.State.StartedAt, startedAt, 'the container itself was not restarted');
		assert.equal(info.State.Health?.Status, 'healthy');
	}

	it('by signal (SIGHUP to the supervisor) restarts the app in place', async () => provesRestart('signal'));
	it('by touching the trigger file restarts the app in place', async () => provesRestart('touch'));
	it('by exec (`kill -HUP 1`) restarts the app in place', async () => provesRestart('exec'));

	it('an exec that fails is an operation failure with its output', async () => {
		await assert.rejects(reloadService(ports, app.id, {method: 'exec', command: 'echo nope >&2; exit 3'}), (error: unknown) => error instanceof OperationFailedError && /exited with code 3: nope/.test(error.message));
	});

	it('by restart restarts the container (StartedAt changes) and waits until healthy again', async () => {
		const result = await reloadService(ports, app.id, {method: 'restart', timeoutMs: 30_000});
		assert.equal(result.reloaded[0]!.action.method, 'restart');
		const info = await app.inspect();
		assert.notEqual(info.State.StartedAt, startedAt);
		assert.equal(info.State.Health?.Status, 'healthy');
	});

	it('also waits on the deckhand.ready.exec probe of the labels, and fails naming it', async () => {
		const probed = await createSupervisedApp(docker, run, testName('reloadprobe'), {labels: {'deckhand.ready.exec': 'grep -q never /app/VERSION'}});
		await assert.rejects(reloadService(ports, probed.id, {timeoutMs: 4000}), (error: unknown) => error instanceof NotReadyError && error.probe === 'exec:grep -q never /app/VERSION');
	});

	it('an unknown service is bad input', async () => {
		await assert.rejects(reloadService(ports, 'dhtest-no-such-service-e'), UsageError);
	});
});
