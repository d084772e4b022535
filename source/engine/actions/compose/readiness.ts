/**
 * Readiness of one started container for `up`/`restart`: event-driven on Docker's healthcheck
 * (subscribe to health_status/die events first, then inspect, so nothing is missed; no
 * polling). This is the plan executor's default "ready" gate; helper D's `source/engine/wait`
 * probes (exec/tcp/http/log/uptime from `deckhand.ready.*`) plug in through `UpOptions.waitReady`.
 */
import type Docker from 'dockerode';
import {containerStatus, tailLogs, waitForExit, watchContainer} from '../../../docker/compose-containers.js';
import {StepError} from '../../plan/execute.js';

/** What a readiness gate is told. */
export type ReadyTarget = {readonly containerId: string; readonly service: string; readonly labels: Readonly<Record<string, string>>};

/** Options of a readiness wait. */
export type ReadyOptions = {
	readonly signal: AbortSignal;
	/** Absolute deadline on `now()`'s scale; undefined = none. */
	readonly deadline?: number;
	readonly now?: () => number;
	/** Treat `unhealthy` (retries exhausted) as final instead of waiting for the deadline. */
	readonly failFast?: boolean;
	/** Called when Docker's health_status event that made it ready was received: event time and receipt time (epoch ms). */
	readonly onHealthyEvent?: (eventEpochMs: number, receivedEpochMs: number) => void;
};

/** A readiness gate: resolves when ready, throws StepError otherwise. */
export type ReadyWaiter = (target: ReadyTarget, options: ReadyOptions) => Promise<void>;

/** The default gate: healthy if a healthcheck exists, else running. */
export function healthcheckWaiter(docker: Docker): ReadyWaiter {
	return async (target, options) => {
		const now = options.now ?? Date.now;
		const local = new AbortController();
		const stopLocal = () => local.abort();
		options.signal.addEventListener('abort', stopLocal, {once: true});
		try {
			await new Promise<void>((resolve, reject) => {
				let settled = false;
				const settle = (error?: Error) => {
					if (settled) return;
					settled = true;
					if (error) reject(error);
					else resolve();
				};
				const fail = async (reason: string, probe: string) => {
					const status = await containerStatus(docker, target.containerId).catch(() => undefined);
					const logs = await tailLogs(docker, target.containerId).catch(() => '');
					settle(new StepError(`${target.service}: ${reason}`, probe, status?.health?.failingStreak, status?.health?.lastOutput ?? logs));
				};
				const check = async () => {
					const status = await containerStatus(docker, target.containerId);
					// A container without healthcheck that already ran to exit 0 did what it was for.
					if (!status.running && status.status !== 'created') return status.exitCode === 0 && !status.health ? settle() : fail(`container exited with code ${status.exitCode}`, 'container');
					if (!status.health) return status.running ? settle() : undefined;
					if (status.health.status === 'healthy') return settle();
					if (status.health.status === 'unhealthy' && options.failFast) return fail('healthcheck reports unhealthy', 'healthcheck');
				};
				options.signal.addEventListener('abort', () => settle(new Error('aborted')), {once: true});
				const remaining = options.deadline === undefined ? undefined : options.deadline - now();
				const timer = remaining === undefined ? undefined : setTimeout(() => void fail(`not ready before the deadline (${Math.round(remaining)}ms)`, 'healthcheck'), Math.max(0, remaining));
				local.signal.addEventListener('abort', () => clearTimeout(timer), {once: true});
				void watchContainer(docker, target.containerId, local.signal, event => {
					const e = event as {status: string; timeNano?: number};
					if (e.status === 'health_status: healthy') {
						options.onHealthyEvent?.(e.timeNano ? e.timeNano / 1e6 : Date.now(), Date.now());
						settle();
					} else if (e.status === 'die') void check().catch(error => settle(error as Error));
					else if (e.status === 'health_status: unhealthy' && options.failFast) void fail('healthcheck reports unhealthy', 'healthcheck');
				})
					.then(check)
					.catch(error => settle(error as Error));
			});
		} finally {
			options.signal.removeEventListener('abort', stopLocal);
			local.abort();
		}
	};
}

/** The one-shot gate for `service_completed_successfully`: the container exits 0. */
export async function waitCompleted(docker: Docker, target: ReadyTarget, signal: AbortSignal): Promise<void> {
	const code = await new Promise<number>((resolve, reject) => {
		signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true});
		waitForExit(docker, target.containerId).then(resolve, reject);
	});
	if (code !== 0) {
		const logs = await tailLogs(docker, target.containerId).catch(() => '');
		throw new StepError(`${target.service}: one-shot job exited with code ${code}`, 'exit code', 1, logs);
	}
}
