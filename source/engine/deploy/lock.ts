/**
 * One deploy or rollback per service at a time, across processes: a lock file created with
 * O_EXCL holding the owner's pid. A lock whose pid is gone (crash, kill -9) is stale and taken
 * over. Known limit: two processes taking over the same stale lock at the same instant may both
 * succeed; a live holder is always respected.
 */
import {open, readFile, unlink} from 'node:fs/promises';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {OperationFailedError} from '../errors.js';
import {ensureDirectory, serviceKey} from './state.js';

/** A held lock. */
export type DeployLock = {readonly path: string; release(): Promise<void>};

/** Whether a process exists (EPERM means it does, owned by someone else). */
export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Options of `acquireDeployLock`. */
export type LockOptions = {
	readonly pid?: number;
	readonly isAlive?: (pid: number) => boolean;
	readonly now?: () => Date;
};

/**
 * Takes the lock of `service` or throws OperationFailedError (exit 1) naming the holder:
 * a concurrent deploy is an operation that cannot run now, not bad input.
 */
export async function acquireDeployLock(state: string, service: string, action: string, options: LockOptions = {}): Promise<DeployLock> {
	const path = join(await ensureDirectory(join(state, 'locks')), `${serviceKey(service)}.lock`);
	const pid = options.pid ?? process.pid;
	const isAlive = options.isAlive ?? processAlive;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const handle = await open(path, 'wx', 0o600);
			await handle.writeFile(JSON.stringify({pid, host: hostname(), action, since: (options.now?.() ?? new Date()).toISOString()}));
			await handle.close();
			return {path, release: async () => unlink(path).catch(() => undefined)};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = (await readFile(path, 'utf8').then(text => JSON.parse(text) as {pid?: number; action?: string; since?: string}, () => ({}) as {pid?: number; action?: string; since?: string})) ?? {};
		if (typeof holder.pid === 'number' && isAlive(holder.pid)) {
			throw new OperationFailedError(`${action} of ${service} refused: a ${holder.action ?? 'deploy'} of it is in progress (pid ${holder.pid} since ${holder.since ?? '?'}; lock ${path})`);
		}
		// Stale (owner gone) or unreadable half-written lock: take it over.
		await unlink(path).catch(() => undefined);
	}
	throw new OperationFailedError(`${action} of ${service} refused: could not take the lock ${path}`);
}
