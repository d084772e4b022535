/**
 * `rollbackService`: put the newest backup of SERVICE's target directory back, the same way a
 * deploy installs (staging upload, swap, reload, fresh readiness; the current tree restored if
 * that fails). Backups are not consumed: rolling back twice restores the same tree.
 */
import {createReadStream} from 'node:fs';
import {posix} from 'node:path';
import type {EnginePorts} from '../ports/index.js';
import {resolveService} from '../reload/reload.js';
import {UsageError} from '../errors.js';
import {appendDeployRecord, readDeployHistory, type DeployRecord} from './history.js';
import {DeployRolledBackError, installTree, type DeployStep} from './install.js';
import {acquireDeployLock} from './lock.js';
import {backupTopDirectory} from './backup.js';
import {listBackups, stateDirectory} from './state.js';
import {resolveDeployTarget, type DeployTargetOptions} from './target.js';

/** Options of `rollbackService`. */
export type RollbackOptions = DeployTargetOptions & {readonly onStep?: (step: DeployStep, detail: string) => void};

/** Restores the newest backup; resolves with the history record. UsageError when there is none. */
export async function rollbackService(ports: EnginePorts, service: string, options: RollbackOptions = {}): Promise<DeployRecord> {
	const now = options.now ?? performance.now.bind(performance);
	const started = now();
	const time = new Date().toISOString();
	const durations: Record<string, number> = {};
	const resolved = await resolveService(ports, service);
	const name = resolved.containers[0]?.name ?? service;
	const lastPath = (await readDeployHistory({env: options.env, service: name})).at(-1)?.path;
	const {container, target, action, timeoutMs} = await resolveDeployTarget(ports, service, {...options, fallbackPath: lastPath});
	const state = stateDirectory(options.env);
	const backup = (await listBackups(state, container.name)).at(-1);
	if (!backup) throw new UsageError(`no backup of ${container.name} to roll back to (backups are taken by deckhand deploy)`);
	const top = await backupTopDirectory(backup);
	if (!top || top === '..') throw new UsageError(`backup ${backup} is empty or not a tar`);
	options.onStep?.('lock', container.name);
	const lock = await acquireDeployLock(state, container.name, 'rollback');
	const base = {time, action: 'rollback' as const, service, container: container.name, containerId: container.id, path: target, backup};
	try {
		await installTree({ports, container, target, action, timeoutMs, signal: options.signal, now, onStep: options.onStep, durations}, async staging => {
			// The backup's entries start with the saved directory's base name, as Docker's archive endpoint writes them.
			await ports.archive.write(container.id, staging, createReadStream(backup));
			return posix.join(staging, top);
		});
		durations.total = Math.round(now() - started);
		const record: DeployRecord = {...base, result: 'ok', durations};
		await appendDeployRecord(record, options.env);
		return record;
	} catch (error) {
		durations.total = Math.round(now() - started);
		const rolledBack = error instanceof DeployRolledBackError;
		await appendDeployRecord({...base, result: rolledBack && error.restored ? 'rolled-back' : 'failed', error: (error as Error).message, lastOutput: rolledBack ? error.lastOutput : undefined, durations}, options.env).catch(() => undefined);
		throw error;
	} finally {
		await lock.release();
	}
}
