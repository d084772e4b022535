import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {appendDeployRecord, parseDeployHistory, readDeployHistory, type DeployRecord} from '../../../source/engine/deploy/history.js';
import {acquireDeployLock} from '../../../source/engine/deploy/lock.js';
import {parseSize} from '../../../source/engine/deploy/size.js';
import {backupFileName, listBackups, pruneBackups, serviceKey, stateDirectory} from '../../../source/engine/deploy/state.js';
import {OperationFailedError} from '../../../source/engine/errors.js';

const scratch = mkdtempSync(join(tmpdir(), 'deckhand-state-'));
after(() => rmSync(scratch, {recursive: true, force: true}));

describe('state directory, backups, sizes', () => {
	it('follows XDG_STATE_HOME, else ~/.local/state', () => {
		assert.equal(stateDirectory({XDG_STATE_HOME: '/x/state'}), '/x/state/deckhand');
		assert.equal(stateDirectory({HOME: '/home/op'}), '/home/op/.local/state/deckhand');
		assert.equal(stateDirectory({HOME: '/home/op', XDG_STATE_HOME: 'relative'}), '/home/op/.local/state/deckhand');
	});

	it('names backups sortably and keeps the newest N', async () => {
		assert.equal(backupFileName(new Date('2026-11-23T23:50:58.123Z')), '2026-11-23T23-50-58.123Z.tar');
		assert.equal(serviceKey('proj/api:1'), 'proj_api_1');
		const state = join(scratch, 'prune');
		mkdirSync(join(state, 'backups', 'api'), {recursive: true});
		for (const minute of [1, 3, 2, 4]) writeFileSync(join(state, 'backups', 'api', `2026-01-01T00-0${minute}-00.000Z.tar`), '');
		assert.deepEqual((await pruneBackups(state, 'api', 2)).map(path => path.slice(-28)), ['2026-01-01T00-01-00.000Z.tar', '2026-01-01T00-02-00.000Z.tar']);
		assert.deepEqual((await listBackups(state, 'api')).map(path => path.slice(-28)), ['2026-01-01T00-03-00.000Z.tar', '2026-01-01T00-04-00.000Z.tar']);
	});

	it('parses sizes with binary units', () => {
		assert.equal(parseSize('1024'), 1024);
		assert.equal(parseSize('64k'), 65_536);
		assert.equal(parseSize('512MiB'), 512 * 1024 * 1024);
		assert.equal(parseSize('1.5G'), 1.5 * 1024 ** 3);
		assert.equal(parseSize('lots'), undefined);
		assert.equal(parseSize('0'), undefined);
	});
});

describe('deploy lock', () => {
	it('refuses while a live process holds it, and takes over a dead one\'s', async () => {
		const state = join(scratch, 'lock');
		const held = await acquireDeployLock(state, 'api', 'deploy', {pid: 4242, isAlive: () => true});
		await assert.rejects(acquireDeployLock(state, 'api', 'rollback', {isAlive: () => true}), (error: unknown) => error instanceof OperationFailedError && /rollback of api refused: a deploy of it is in progress \(pid 4242/.test(error.message));
		const taken = await acquireDeployLock(state, 'api', 'deploy', {isAlive: pid => pid !== 4242});
		await taken.release();
		await held.release();
		await (await acquireDeployLock(state, 'api', 'deploy')).release();
	});
});

describe('deploy history', () => {
	const record = (service: string, result: DeployRecord['result']): DeployRecord => ({time: '2026-11-24T00:00:00.000Z', action: 'deploy', service, container: service, containerId: 'c', path: '/app', result, durations: {total: 1}});

	it('appends JSON lines and reads them back, oldest first, by service and limit', async () => {
		const env = {XDG_STATE_HOME: join(scratch, 'history')};
		assert.deepEqual(await readDeployHistory({env}), []);
		await appendDeployRecord(record('api', 'ok'), env);
		await appendDeployRecord(record('web', 'ok'), env);
		await appendDeployRecord(record('api', 'rolled-back'), env);
		assert.deepEqual((await readDeployHistory({env, service: 'api'})).map(r => r.result), ['ok', 'rolled-back']);
		assert.deepEqual((await readDeployHistory({env, limit: 1})).map(r => r.result), ['rolled-back']);
	});

	it('skips a torn or foreign line instead of failing', () => {
		assert.deepEqual(parseDeployHistory(`${JSON.stringify(record('api', 'ok'))}\n{"time": "x"\nnot json\n{}\n`).length, 1);
	});
});
