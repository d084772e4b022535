/**
 * `waitServiceReady`: the one readiness gate reload, deploy and rollback use after acting on a
 * container in place. Event-driven: each healthcheck run ends with an `exec_die` event, on which
 * the container is inspected and judged by `judgeFreshHealth`; a 1 s tick covers a missed event.
 * Then the `deckhand.ready.exec/tcp/http` probes of the labels, if any (source/engine/wait).
 */
import {healthStateOf, type ContainerHealthState} from '../containers/inspect.js';
import {isNotFound, type EnginePorts} from '../ports/index.js';
import {probesFrom} from '../wait/probes.js';
import {OperationFailedError} from '../errors.js';
import {readServiceSettings} from '../labels.js';
import {realClock, Wait} from '../wait/index.js';
import {healthBaseline, judgeFreshHealth} from './fresh-health.js';

/** A readiness wait that failed or ran out of time: which probe, how many attempts, what it last saw. */
export class NotReadyError extends OperationFailedError {
	constructor(
		message: string,
		readonly probe: string,
		readonly attempts: number,
		readonly lastOutput?: string,
	) {
		super(message);
	}
}

/** Options of `waitServiceReady`. */
export type ServiceReadyOptions = {
	/** From `readyBaseline`, taken before the action. */
	readonly baseline: number;
	/** Absolute deadline (epoch ms on `now()`'s scale). */
	readonly deadline: number;
	readonly signal?: AbortSignal;
	readonly now?: () => number;
};

/** The daemon's clock now (epoch ms), to compare with the times Docker writes in health logs. */
export async function daemonTime(ports: Pick<EnginePorts, 'system'>): Promise<number> {
	const info = await ports.system.info();
	const time = info.SystemTime ? Date.parse(info.SystemTime) : Number.NaN;
	return Number.isNaN(time) ? Date.now() : time;
}

/** The ports readiness after an in-place action uses. */
export type ReadyPorts = Pick<EnginePorts, 'containers' | 'events' | 'exec' | 'network' | 'system'>;

/**
 * Where "fresh" starts, taken right after acting: the daemon's clock now, or the newest logged
 * healthcheck's start if later. A check still running at this moment began before it, so it does
 * not count either (Docker logs a run only when it ends).
 */
export async function readyBaseline(ports: ReadyPorts, containerId: string): Promise<number> {
	const [state, daemonNow] = await Promise.all([ports.containers.inspect(containerId).then(healthStateOf), daemonTime(ports)]);
	return Math.max(healthBaseline(state), daemonNow);
}

/**
 * The service's own `deckhand.ready.exec/tcp/http` probes (helper D's strategies), after the
 * healthcheck gate. Log and uptime probes are left out: after an in-place reload the old log
 * lines and the container's age would answer for the old app.
 */
async function waitLabelProbes(ports: ReadyPorts, target: {readonly id: string; readonly name: string; readonly labels?: Readonly<Record<string, string>>}, remainingMs: number, signal: AbortSignal): Promise<void> {
	const {ready} = readServiceSettings(target.labels ?? {});
	const strategies = [
		...(ready.exec ? [Wait.forExec(ready.exec)] : []),
		...(ready.tcp === undefined ? [] : [Wait.forTcp(ready.tcp)]),
		...(ready.http ? [Wait.forHttp(ready.http.port, ready.http.path, ready.httpStatus)] : []),
	];
	if (strategies.length === 0) return;
	try {
		await Wait.forAll(strategies).waitUntilReady(target, {signal, deadline: Date.now() + Math.max(0, remainingMs), clock: realClock, probes: probesFrom(ports)});
	} catch (error) {
		const details = error as {probe?: string; attempts?: number; lastOutput?: string; message: string};
		throw new NotReadyError(`${target.name}: ${details.message}`, details.probe ?? 'probe', details.attempts ?? 1, details.lastOutput);
	}
}

const shorten = (text: string | undefined) => (text ? text.replaceAll(/\s+/g, ' ').slice(0, 200) : '');

/**
 * Waits until the container passed a healthcheck that started after the baseline (or, with no
 * healthcheck, is running). Throws NotReadyError when it stopped, failed `retries` checks in a
 * row, or the deadline passed.
 */
export async function waitServiceReady(ports: ReadyPorts, target: {readonly id: string; readonly name: string; readonly labels?: Readonly<Record<string, string>>}, options: ServiceReadyOptions): Promise<{readonly attempts: number; readonly lastOutput?: string}> {
	const now = options.now ?? Date.now;
	const local = new AbortController();
	const stop = () => local.abort();
	options.signal?.addEventListener('abort', stop, {once: true});
	let wake: (() => void) | undefined;
	try {
		await ports.events.watchContainer(target.id, ['exec_die', 'health_status', 'die', 'start'], local.signal, () => {
			// Docker records the run in the health log just after the exec ends.
			setTimeout(() => wake?.(), 30);
		});
		local.signal.addEventListener('abort', () => wake?.(), {once: true});
		for (;;) {
			options.signal?.throwIfAborted();
			// A daemon restarting under the wait is not an answer: the 1 s tick asks again until the deadline.
			const info = await ports.containers.inspect(target.id).catch((error: unknown) => {
				if (isNotFound(error) || options.signal?.aborted) throw error;
				if (options.deadline - now() <= 0) throw new NotReadyError(`${target.name}: not ready before the deadline (engine not answering: ${(error as Error).message})`, 'healthcheck', 0);
				return undefined;
			});
			const state: ContainerHealthState | undefined = info && healthStateOf(info);
			const verdict = state ? judgeFreshHealth(state, options.baseline) : ({verdict: 'waiting', attempts: 0} as const);
			if (verdict.verdict === 'ready') {
				await waitLabelProbes(ports, target, options.deadline - now(), local.signal);
				return {attempts: 1, lastOutput: verdict.lastOutput};
			}
			if (verdict.verdict === 'failed') {
				throw new NotReadyError(`${target.name}: ${verdict.reason}${verdict.lastOutput ? `; last output: ${shorten(verdict.lastOutput)}` : ''}`, verdict.probe, verdict.attempts, verdict.lastOutput);
			}
			const remaining = options.deadline - now();
			if (remaining <= 0) {
				const seen = verdict.attempts > 0 ? `${verdict.attempts} failing healthcheck(s) since; last output: ${shorten(verdict.lastOutput)}` : 'no healthcheck has passed since';
				throw new NotReadyError(`${target.name}: not ready before the deadline (${seen})`, 'healthcheck', verdict.attempts, verdict.lastOutput);
			}
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, Math.min(remaining, 1000));
				wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			wake = undefined;
		}
	} finally {
		options.signal?.removeEventListener('abort', stop);
		local.abort();
	}
}
