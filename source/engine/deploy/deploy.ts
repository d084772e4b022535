/**
 * `deployTarball`: an app tarball into a running container, never restarting it (unless its
 * reload method is `restart`). Order: resolve the service and its target directory, validate the
 * tarball (bad → UsageError, nothing touched), take the service's lock,
 * install (staging upload, swap, reload ∥ backup of the previous tree, fresh readiness; restore on
 * failure), record history.
 */
import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {resolve} from 'node:path';
import {Transform} from 'node:stream';
import type {EnginePorts} from '../ports/index.js';
import {OperationFailedError, UsageError} from '../errors.js';
import {appendDeployRecord, type DeployRecord} from './history.js';
import {DeployRolledBackError, installTree, type DeployStep} from './install.js';
import {acquireDeployLock} from './lock.js';
import {pruneBackups} from './state.js';
import {backupTarget} from './backup.js';
import {resolveDeployTarget, type DeployTargetOptions} from './target.js';
import {defaultTarLimits, type TarLimits} from './tar-rules.js';
import {checkRegularFile} from '../files/read-bounded.js';
import {validateTarball} from './validate.js';

/** Options of `deployTarball`. */
export type DeployOptions = DeployTargetOptions & {
	/** Backups kept; default the `deckhand.deploy.keep` label, else 5. */
	readonly keep?: number;
	readonly limits?: TarLimits;
	readonly onStep?: (step: DeployStep, detail: string) => void;
};

/** A stream that hashes what passes through. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			hash.update(chunk);
			callback(null, chunk);
		},
	});
}

/**
 * Deploys `tarball` into SERVICE. Resolves with the history record when the new tree is live and
 * ready; throws UsageError (bad input, nothing changed), OperationFailedError (refused or failed
 * before the swap, nothing changed) or DeployRolledBackError (failed after the swap, restored).
 *
 * The backup is read from the previous tree after the swap, while the app reloads (see
 * installTree), so it is off the path to the new version going live; the previous tree stays in
 * the container until the backup is on disk. Nothing is uploaded before the whole tarball was
 * validated.
 */
export async function deployTarball(ports: EnginePorts, service: string, tarball: string, options: DeployOptions = {}): Promise<DeployRecord> {
	const now = options.now ?? performance.now.bind(performance);
	const started = now();
	const time = new Date().toISOString();
	const durations: Record<string, number> = {};
	const tarballPath = resolve(tarball);
	if (!(await stat(tarballPath).catch(() => undefined))) throw new UsageError(`no such tarball: ${tarball}`);
	// A regular file only (not /dev/zero, a FIFO or a directory), checked before the engine is asked
	// anything; gzip never grows data by more than a few percent.
	checkRegularFile(tarballPath, Math.ceil((options.limits ?? defaultTarLimits).maxBytes * 1.1) + 1024 * 1024, tarball);
	const {container, target, action, timeoutMs, state, labels} = await resolveDeployTarget(ports, service, options);
	const existing = await ports.archive.stat(container.id, target);
	if (existing && !existing.isDirectory) throw new UsageError(`${container.name}:${target} exists and is not a directory`);
	const keepLabel = options.keep ?? Number(labels['deckhand.deploy.keep'] ?? 5);
	const keep = Number.isInteger(keepLabel) && keepLabel > 0 ? keepLabel : 5;

	options.onStep?.('validate', tarballPath);
	const report = await timedStep(now, durations, 'validate', async () => validateTarball(createReadStream(tarballPath), options.limits ?? defaultTarLimits));
	options.onStep?.('lock', container.name);
	const lock = await acquireDeployLock(state, container.name, 'deploy');
	const base = {time, action: 'deploy' as const, service, container: container.name, containerId: container.id, path: target, tarball: tarballPath, tarballSha256: report.tarballSha256, contentSha256: report.contentSha256};
	let backup: string | undefined;
	try {
		await installTree(
			{ports, container, target, action, timeoutMs, signal: options.signal, now, onStep: options.onStep, durations},
			async staging => {
				// Upload the very bytes that were validated: re-hash on the way and refuse a changed file.
				const hash = createHash('sha256');
				await ports.archive.write(container.id, staging, createReadStream(tarballPath).pipe(hashing(hash)));
				const uploaded = hash.digest('hex');
				if (uploaded !== report.tarballSha256) throw new OperationFailedError(`${tarball} changed while deploying (sha256 ${uploaded.slice(0, 12)}…, validated ${report.tarballSha256.slice(0, 12)}…); target untouched`);
				return staging;
			},
			async (previous, signal) => {
				backup = await backupTarget(ports, container.id, previous, {state, service: container.name, signal});
			},
		);
		durations.total = Math.round(now() - started);
		const record: DeployRecord = {...base, backup, result: 'ok', durations};
		await appendDeployRecord(record, options.env);
		return record;
	} catch (error) {
		durations.total = Math.round(now() - started);
		const rolledBack = error instanceof DeployRolledBackError;
		await appendDeployRecord(
			{...base, backup, result: rolledBack && error.restored ? 'rolled-back' : 'failed', error: (error as Error).message, lastOutput: rolledBack ? error.lastOutput : undefined, durations},
			options.env,
		).catch(() => undefined);
		throw error;
	} finally {
		await pruneBackups(state, container.name, keep).catch(() => undefined);
		await lock.release();
	}
}

/** Runs `work`, recording its duration under `name`. */
async function timedStep<T>(now: () => number, durations: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
	const started = now();
	try {
		return await work();
	} finally {
		durations[name] = Math.round(now() - started);
	}
}
