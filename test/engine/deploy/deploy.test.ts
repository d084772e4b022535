import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import {deployTarball} from '../../../source/engine/deploy/deploy.js';
import {readDeployHistory} from '../../../source/engine/deploy/history.js';
import {DeployRolledBackError} from '../../../source/engine/deploy/install.js';
import {rollbackService} from '../../../source/engine/deploy/rollback.js';
import {listBackups, stateDirectory} from '../../../source/engine/deploy/state.js';
import {OperationFailedError, UsageError} from '../../../source/engine/errors.js';
import {newRun, removeTestObjects, testDocker, testName} from '../../helpers/engine.js';
import {containerOutput, createSupervisedApp, serverScript, servingLines, waitFor} from '../../fixtures/deploy/supervised-app.js';
import {appEntries, hostileTarballs, tarball} from '../../fixtures/deploy/tarballs.js';
import type {EnginePorts} from '../../../source/engine/ports/index.js';
import {dockerPorts} from '../../../source/docker/ports.js';

/** sha256 of Docker's archive of a path, and the file names with their content. */
async function snapshot(docker: Docker, id: string, path: string): Promise<{sha256: string; files: Record<string, string>}> {
	const stream = await docker.getContainer(id).getArchive({path});
	const chunks: Buffer[] = [];
	for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
	const bytes = Buffer.concat(chunks);
	const files: Record<string, string> = {};
	const extract = tar.extract();
	const done = (async () => {
		for await (const entry of extract) {
			const parts: Buffer[] = [];
			for await (const part of entry as AsyncIterable<Buffer>) parts.push(part);
			files[entry.header.name] = Buffer.concat(parts).toString('utf8');
		}
	})();
	extract.end(bytes);
	await done;
	return {sha256: createHash('sha256').update(bytes).digest('hex'), files};
}

/** Names directly under `/` in the container (to see leftover staging directories). */
const rootNames = async (ports: EnginePorts, id: string) => (await ports.exec.run(id, ['ls', '-a', '/'])).stdout.split('\n').filter(Boolean).sort();

describe('deployTarball / rollbackService on the real engine (supervised busybox app)', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	const scratch = mkdtempSync(join(tmpdir(), 'deckhand-deploy-'));
	const env = {...process.env, XDG_STATE_HOME: join(scratch, 'state')};
	let app: Docker.Container;
	let startedAt: string;
	const write = (name: string, bytes: Buffer) => {
		const path = join(scratch, name);
		writeFileSync(path, bytes);
		return path;
	};
	const lastServing = async () => servingLines(await containerOutput(docker, app.id)).at(-1);

	before(async () => {
		app = await createSupervisedApp(docker, run, testName('deploy'));
		startedAt = (await app.inspect()).State.StartedAt;
	});
	after(async () => {
		await removeTestObjects(docker, run);
		rmSync(scratch, {recursive: true, force: true});
	});

	it('deploys v2 in place: same container and StartedAt, the app serves v2, healthy, nothing left beside /app', async () => {
		const v2 = write('v2.tar.gz', await tarball(appEntries('v2', true, serverScript)));
		const record = await deployTarball(ports, app.id, v2, {env, timeoutMs: 30_000});
		assert.equal(record.result, 'ok');
		assert.ok(record.durations.notReady! > 0 && record.durations.total! >= record.durations.notReady!);
		await waitFor(async () => (await lastServing()) === 'serving v2', 10_000, 'the app to serve v2');
		const info = await app.inspect();
		assert.equal(info.Id, record.containerId);
		assert.equal(info.State.StartedAt, startedAt, 'the container was not restarted');
		assert.equal(info.State.Health?.Status, 'healthy');
		assert.equal((await snapshot(docker, app.id, '/app/VERSION')).files.VERSION, 'v2\n');
		// The previous tree is removed by a detached exec once its backup is on disk.
		await waitFor(async () => (await rootNames(ports, app.id)).every(name => !name.includes('deckhand-')), 10_000, 'no staging or previous tree beside /app');
	});

	it('a v3 that fails its healthcheck is rolled back by itself: v2 again, healthy, exit 1, history has both', async () => {
		const v3 = write('v3.tar.gz', await tarball(appEntries('v3', false, serverScript)));
		await assert.rejects(deployTarball(ports, app.id, v3, {env, timeoutMs: 30_000}), (error: unknown) => {
			assert.ok(error instanceof DeployRolledBackError, String(error));
			assert.equal(error.exitCode, 1);
			assert.equal(error.restored, true);
			assert.match(error.message, /healthcheck failed .* rolled back to the previous tree/);
			assert.equal(error.lastOutput, 'not healthy: HEALTH=broken');
			return true;
		});
		assert.equal((await snapshot(docker, app.id, '/app/VERSION')).files.VERSION, 'v2\n');
		await waitFor(async () => (await lastServing()) === 'serving v2', 10_000, 'the app to serve v2 again');
		const info = await app.inspect();
		assert.equal(info.State.StartedAt, startedAt);
		assert.equal(info.State.Health?.Status, 'healthy');
		const history = await readDeployHistory({env, service: info.Name.slice(1)});
		assert.deepEqual(history.map(record => record.result), ['ok', 'rolled-back']);
		assert.equal(history[1]!.tarballSha256, createHash('sha256').update(await tarball(appEntries('v3', false, serverScript))).digest('hex'));
	});

	it('each hostile tarball is bad input (exit 2) and the container content stays byte-identical', async () => {
		const before = await snapshot(docker, app.id, '/app');
		const rootBefore = await rootNames(ports, app.id);
		const hostile = await hostileTarballs(serverScript);
		hostile.oversized = await tarball([...appEntries('big', true, serverScript), {name: 'blob', content: Buffer.alloc(4096)}]);
		for (const [name, bytes] of Object.entries(hostile)) {
			const path = write(`hostile-${name.replaceAll(/\W/g, '_')}.tar.gz`, bytes);
			await assert.rejects(deployTarball(ports, app.id, path, {env, limits: {maxBytes: 2048, maxEntries: 100}}), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && error.message.startsWith('tarball rejected:'), name);
		}
		const after = await snapshot(docker, app.id, '/app');
		assert.equal(after.sha256, before.sha256);
		assert.deepEqual(await rootNames(ports, app.id), rootBefore, 'no staging directory was created');
		assert.equal((await readDeployHistory({env})).length, 2, 'refused tarballs are not deploys');
	});

	it('two deploys at once: one is refused (exit 1, names the holder), the other completes', async () => {
		const v4 = write('v4.tar.gz', await tarball(appEntries('v4', true, serverScript)));
		const results = await Promise.allSettled([deployTarball(ports, app.id, v4, {env, timeoutMs: 30_000}), deployTarball(ports, app.id, v4, {env, timeoutMs: 30_000})]);
		const refused = results.filter(result => result.status === 'rejected');
		assert.equal(refused.length, 1, 'exactly one refused');
		const reason = (refused[0] as PromiseRejectedResult).reason as Error;
		assert.ok(reason instanceof OperationFailedError);
		assert.match(reason.message, /refused: a deploy of it is in progress \(pid \d+/);
		assert.equal((await snapshot(docker, app.id, '/app/VERSION')).files.VERSION, 'v4\n');
	});

	it('rollback restores the newest backup (v2, taken before v4) in place, and keep N prunes', async () => {
		const record = await rollbackService(ports, app.id, {env, timeoutMs: 30_000});
		assert.equal(record.result, 'ok');
		assert.equal((await snapshot(docker, app.id, '/app/VERSION')).files.VERSION, 'v2\n');
		await waitFor(async () => (await lastServing()) === 'serving v2', 10_000, 'the app to serve v2 after rollback');
		assert.equal((await app.inspect()).State.StartedAt, startedAt);
		const v5 = write('v5.tar.gz', await tarball(appEntries('v5', true, serverScript)));
		await deployTarball(ports, app.id, v5, {env, keep: 2, timeoutMs: 30_000});
		const name = (await app.inspect()).Name.slice(1);
		assert.equal((await listBackups(stateDirectory(env), name)).length, 2);
	});
});
