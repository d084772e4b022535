/**
 * Healthcheck wait, event-driven: subscribe to the container's events BEFORE inspecting it, so
 * a `health_status` that lands between the two is never missed; after that only events drive
 * it (no polling). A container without a healthcheck is ready once running (or, for a one-shot
 * job, once it exited 0). `unhealthy` is not final before the deadline: Docker may still flip
 * it back; only with `failFast` and the check's retries exhausted does it fail early.
 */
import {ProbeFailedError, ProbeTimeoutError} from './errors.js';
import type {ContainerState, WaitStrategy} from './types.js';

/** Why a state is final, or undefined while it may still become ready. */
type Verdict = {readonly ready: true} | {readonly ready: false; readonly final?: string; readonly output: string};

/** The pure decision for one inspected state. */
export function judgeHealth(state: ContainerState, failFast: boolean): Verdict {
	if (!state.health) {
		if (state.running) return {ready: true};
		if (state.status === 'exited' && state.exitCode === 0) return {ready: true};
		if (state.status === 'created' || state.status === 'restarting') return {ready: false, output: `container is ${state.status}`};
		return {ready: false, final: `container is ${state.status} (exit code ${state.exitCode})`, output: `container is ${state.status}`};
	}
	const output = state.health.lastOutput ?? `health is ${state.health.status}`;
	if (state.health.status === 'healthy' && state.running) return {ready: true};
	if (!state.running && state.status !== 'restarting') return {ready: false, final: `container is ${state.status} (exit code ${state.exitCode})`, output};
	if (failFast && state.health.status === 'unhealthy' && state.health.failingStreak >= state.health.retries) {
		return {ready: false, final: `healthcheck reports unhealthy after ${state.health.failingStreak} failed checks`, output};
	}
	return {ready: false, output};
}

/** Options of the healthcheck wait. */
export type HealthcheckOptions = {
	/** Called with Docker's event time and the receipt time (epoch ms) of the health_status event that made it ready. */
	readonly onHealthyEvent?: (eventEpochMs: number, receivedEpochMs: number) => void;
};

/** Ready when Docker says healthy (or running, without a healthcheck). */
export function healthcheckWait(options: HealthcheckOptions = {}): WaitStrategy {
	const probe = 'healthcheck';
	return {
		probe,
		async waitUntilReady(target, context) {
			const {clock, signal, deadline} = context;
			const began = clock.now();
			const local = new AbortController();
			const onAbort = () => local.abort(signal.reason);
			signal.addEventListener('abort', onAbort, {once: true});
			let last: ContainerState | undefined;
			const details = (output: string) => ({
				target: target.name,
				probe: last && !last.health ? 'running' : probe,
				attempts: Math.max(1, last?.health?.failingStreak ?? 1),
				lastOutput: output,
			});
			try {
				signal.throwIfAborted();
				await new Promise<void>((resolve, reject) => {
					let settled = false;
					const settle = (error?: unknown) => {
						if (settled) return;
						settled = true;
						local.abort();
						if (error === undefined) resolve();
						else reject(error);
					};
					local.signal.addEventListener('abort', () => settle(signal.aborted ? signal.reason : undefined), {once: true});
					const evaluate = async () => {
						const state = await context.probes.inspect(target.id);
						last = state;
						const verdict = judgeHealth(state, context.failFast === true);
						if (verdict.ready) settle();
						else if (verdict.final) settle(new ProbeFailedError(details(verdict.output), verdict.final));
					};
					const check = () => void evaluate().catch(settle);
					void clock.sleep(Math.max(0, deadline - clock.now()), local.signal).then(
						async () => {
							const state = await context.probes.inspect(target.id).catch(() => last);
							last = state;
							const verdict = state ? judgeHealth(state, context.failFast === true) : undefined;
							if (verdict?.ready) return settle();
							settle(new ProbeTimeoutError(details(verdict && !verdict.ready ? verdict.output : 'no state'), clock.now() - began));
						},
						() => undefined,
					);
					context.probes
						.watch(target.id, local.signal, event => {
							if (event.status === 'health_status: healthy') {
								options.onHealthyEvent?.(event.epochMs ?? clock.now(), clock.now());
								settle();
							} else if (event.status.startsWith('health_status') || ['die', 'start', 'restart', 'oom', 'kill'].includes(event.status)) check();
						})
						.then(check, settle);
				});
			} finally {
				signal.removeEventListener('abort', onAbort);
				local.abort();
			}
		},
	};
}
