/**
 * Installing a tree into a running container, shared by deploy and rollback: upload into a
 * staging directory beside the target, swap, reload, wait for a fresh readiness check. If the
 * reload or the readiness check fails, the previous tree is swapped back, the app reloaded and
 * waited for again, and a DeployRolledBackError says what failed and what the probe last saw.
 */
import {randomBytes} from 'node:crypto';
import type {TargetContainer} from '../containers/resolve.js';
import type {EnginePorts} from '../ports/index.js';
import {OperationFailedError} from '../errors.js';
import {readyBaseline, waitServiceReady, NotReadyError} from '../reload/ready.js';
import {describeReloadAction, performReload, type ReloadAction} from '../reload/reload.js';
import {createStaging, removePaths, removePathsDetached, swapBack, swapIn, swapPaths} from './swap.js';

/** The steps a deploy reports. */
export type DeployStep = 'validate' | 'lock' | 'backup' | 'upload' | 'swap' | 'reload' | 'ready' | 'restore' | 'done';

/** A failure after the swap: the previous tree was put back (`restored`), or that failed too. */
export class DeployRolledBackError extends OperationFailedError {
	constructor(
		message: string,
		readonly step: DeployStep,
		readonly restored: boolean,
		readonly lastOutput?: string,
	) {
		super(message);
	}
}

/** What `installTree` needs. */
export type InstallContext = {
	readonly ports: EnginePorts;
	readonly container: TargetContainer;
	readonly target: string;
	/** undefined: no reload (`--no-reload`); readiness is still checked. */
	readonly action?: ReloadAction;
	/** Readiness deadline per wait, ms. */
	readonly timeoutMs: number;
	readonly signal?: AbortSignal;
	readonly now: () => number;
	readonly onStep?: (step: DeployStep, detail: string) => void;
	/** Filled in: ms per step and `notReady` (swap to ready). */
	readonly durations: Record<string, number>;
};

/** Runs `work` and adds its duration under `name`. */
async function timed<T>(context: InstallContext, name: string, work: () => Promise<T>): Promise<T> {
	const started = context.now();
	try {
		return await work();
	} finally {
		context.durations[name] = (context.durations[name] ?? 0) + Math.round(context.now() - started);
	}
}

/**
 * Reloads, then waits for a healthcheck that started after the swap and the reload: the baseline
 * is taken only now, so a check that began on the old tree or the old process never counts.
 */
async function reloadAndWait(context: InstallContext): Promise<void> {
	const {ports, container, action} = context;
	if (action) {
		context.onStep?.('reload', describeReloadAction(action));
		await timed(context, 'reload', async () => performReload(ports, container.id, action, context.signal));
	}
	const baseline = await readyBaseline(ports, container.id);
	context.onStep?.('ready', `waiting for a fresh readiness check of ${container.name}`);
	await timed(context, 'ready', async () => waitServiceReady(ports, container, {baseline, deadline: context.now() + context.timeoutMs, signal: context.signal, now: context.now}));
}

/**
 * Uploads with `upload(staging)` (which returns the directory inside staging that holds the new
 * tree), swaps it in, reloads and waits ready; on failure after the swap, restores and throws
 * DeployRolledBackError. Failures before the swap leave the target untouched.
 *
 * `afterSwap(previous)` (the deploy's backup) runs while the app reloads: it reads the previous
 * tree where the swap parked it, so the backup is off the critical path; that tree is deleted
 * only once the backup is complete. When the new tree fails, the backup is aborted (the previous
 * tree goes back into place, no backup is needed).
 */
export async function installTree(context: InstallContext, upload: (staging: string) => Promise<string>, afterSwap?: (previous: string, signal: AbortSignal) => Promise<void>): Promise<void> {
	const {ports, container} = context;
	const paths = swapPaths(context.target, randomBytes(4).toString('hex'));
	context.onStep?.('upload', `into ${paths.staging}`);
	let source: string;
	try {
		source = await timed(context, 'upload', async () => {
			await createStaging(ports, container.id, paths.staging);
			return upload(paths.staging);
		});
	} catch (error) {
		await removePaths(ports, container.id, [paths.staging]);
		throw error;
	}
	const swapStarted = context.now();
	context.onStep?.('swap', `${source} → ${context.target}`);
	try {
		await timed(context, 'swap', async () => swapIn(ports, container.id, paths, source, context.signal));
	} catch (error) {
		await removePaths(ports, container.id, [paths.staging]);
		throw error;
	}
	const backupControl = new AbortController();
	const backup = afterSwap ? timed(context, 'backup', async () => afterSwap(paths.previous, backupControl.signal)) : Promise.resolve();
	backup.catch(() => undefined);
	let failedStep: DeployStep = 'reload';
	try {
		const stepper = context.onStep;
		await reloadAndWait({...context, onStep: (step, detail) => ((failedStep = step), stepper?.(step, detail))});
		context.durations.notReady = Math.round(context.now() - swapStarted);
	} catch (failure) {
		backupControl.abort();
		await backup.catch(() => undefined);
		const reason = (failure as Error).message;
		const lastOutput = failure instanceof NotReadyError ? failure.lastOutput : undefined;
		context.onStep?.('restore', `${failedStep} failed (${reason}); putting the previous tree back`);
		try {
			await timed(context, 'restore', async () => {
				await swapBack(ports, container.id, paths, context.signal);
				await reloadAndWait({...context, onStep: undefined, durations: {}});
			});
		} catch (restoreFailure) {
			await removePaths(ports, container.id, [paths.staging]);
			throw new DeployRolledBackError(`${failedStep} failed: ${reason}; restoring the previous tree failed too: ${(restoreFailure as Error).message}`, failedStep, false, lastOutput);
		}
		context.durations.notReady = Math.round(context.now() - swapStarted);
		await removePaths(ports, container.id, [paths.staging]);
		throw new DeployRolledBackError(`${failedStep} failed: ${reason}; rolled back to the previous tree, which is ready again`, failedStep, true, lastOutput);
	}
	try {
		context.onStep?.('backup', `saving the previous tree (${paths.previous})`);
		await backup;
	} catch (error) {
		// The new tree is live and ready; keep the old one in the container rather than lose it.
		throw new OperationFailedError(`${context.target} is updated and ready, but backing up the previous tree failed (${(error as Error).message}); it is kept in the container at ${paths.previous}`);
	}
	await removePathsDetached(ports, container.id, [paths.previous, paths.staging]);
	context.onStep?.('done', `${context.target} updated`);
}
