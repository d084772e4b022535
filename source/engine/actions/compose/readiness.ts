/**
 * Readiness of one started container for `up`/`restart`: the waits library's strategies from
 * the service's `deckhand.ready.*` labels (exec/tcp/http/log/uptime), or Docker's healthcheck
 * (event-driven: subscribe first, then inspect; no polling), or "running". This is the plan
 * executor's default "ready" gate; a caller may plug in another through `UpOptions.waitReady`.
 */
import {outputText} from '../../logs/demux.js';
import type {EnginePorts} from '../../ports/index.js';
import {StepError} from '../../plan/execute.js';
import {probesFrom, type ProbePorts} from '../../wait/probes.js';
import {realClock, sleep} from '../../wait/clock.js';
import {readinessFromLabels} from '../../wait/from-labels.js';

/** What a readiness gate is told. */
export type ReadyTarget = {readonly containerId: string; readonly service: string; readonly labels: Readonly<Record<string, string>>};

/** Options of a readiness wait. */
export type ReadyOptions = {
	readonly signal: AbortSignal;
	/** Absolute deadline on `now()`'s scale; undefined = none. */
	readonly deadline?: number;
	/** Epoch ms (uptime probes compare it with the container's StartedAt). */
	readonly now?: () => number;
	/** Treat `unhealthy` (retries exhausted) as final instead of waiting for the deadline. */
	readonly failFast?: boolean;
	/** Called when Docker's health_status event that made it ready was received: event time and receipt time (epoch ms). */
	readonly onHealthyEvent?: (eventEpochMs: number, receivedEpochMs: number) => void;
};

/** A readiness gate: resolves when ready, throws an error carrying probe, attempts and last output otherwise. */
export type ReadyWaiter = (target: ReadyTarget, options: ReadyOptions) => Promise<void>;

/** The default gate: the `deckhand.ready.*` probes, else healthy if a healthcheck exists, else running. */
export function healthcheckWaiter(ports: ProbePorts): ReadyWaiter {
	const probes = probesFrom(ports);
	return async (target, options) => {
		const clock = options.now ? {now: options.now, sleep} : realClock;
		const strategy = readinessFromLabels(target.labels, {onHealthyEvent: options.onHealthyEvent});
		await strategy.waitUntilReady(
			{id: target.containerId, name: target.service},
			{signal: options.signal, deadline: options.deadline ?? Number.POSITIVE_INFINITY, clock, probes, failFast: options.failFast},
		);
	};
}

/** The one-shot gate for `service_completed_successfully`: the container exits 0. */
export async function waitCompleted(ports: Pick<EnginePorts, 'containers'>, target: ReadyTarget, signal: AbortSignal): Promise<void> {
	const code = await new Promise<number>((resolve, reject) => {
		signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true});
		ports.containers.wait(target.containerId, signal).then(resolve, reject);
	});
	if (code !== 0) {
		const logs = await ports.containers
			.logs(target.containerId, {tail: 5})
			.then(output => outputText(output).trim())
			.catch(() => '');
		throw new StepError(`${target.service}: one-shot job exited with code ${code}`, 'exit code', 1, logs);
	}
}
