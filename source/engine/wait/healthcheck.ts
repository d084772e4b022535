/**
 * Healthcheck wait, event-driven: subscribe to the container's events BEFORE inspecting it, so
 * a `health_status` that lands between the two is never missed; after that only events drive
 * it (no polling). When the events stream drops (daemon restart), it subscribes again with
 * backoff and inspects again; a transition it could not see is dated by the inspect's
 * evidence (health log, StartedAt), so "ready in" is when it became ready, not when it noticed. A container without a healthcheck is ready once running (or, for a one-shot
 * job, once it exited 0). `unhealthy` is not final before the deadline: Docker may still flip
 * it back; only with `failFast` and the check's retries exhausted does it fail early.
 */
import {isNotFound} from '../ports/containers.js';
import {ProbeFailedError, ProbeTimeoutError} from './errors.js';
import {watchAcrossDrops} from './resubscribe.js';
import type {ContainerState, WaitStrategy} from './types.js';

/** Why a state is final, or undefined while it may still become ready. */
type Verdict = {readonly ready: true} | {readonly ready: false; readonly final?: string; readonly output: string};

/** The pure decision for one inspected state. */
export function judgeHealth(state: ContainerState, failFast: boolean): Verdict {
	const comesBack = stoppedForNow(state);
	if (comesBack) return comesBack;
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

/**
 * A stopped container that the daemon starts again when it restarts (restart policy always or
 * unless-stopped) is not final: a daemon restart stops it just as `docker stop` would, and the
 * events cannot tell the two apart. Waited on until the deadline.
 */
function stoppedForNow(state: ContainerState): Verdict | undefined {
	if (state.running || !state.restartsWithDaemon || state.status === 'restarting' || state.status === 'created') return undefined;
	return {ready: false, output: `container is ${state.status} (exit code ${state.exitCode}); its restart policy starts it again with the daemon`};
}

/**
 * When a state judged ready became so, pure: the health log's start of the healthy run, or
 * StartedAt without a healthcheck; never before `floor` (the last time it was seen not ready,
 * or the wait's start) and never after `now`.
 */
export function readyTimeOf(state: ContainerState, floor: number, now: number): number {
	const evidence = state.health ? state.health.readySince : state.running ? state.startedAt : undefined;
	return Math.min(now, Math.max(floor, evidence || now));
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
			let lastProblem: string | undefined;
			// Readiness cannot predate the last moment the container was seen not ready.
			let floor = began;
			const details = (output: string) => ({
				target: target.name,
				probe: last && !last.health ? 'running' : probe,
				attempts: Math.max(1, last?.health?.failingStreak ?? 1),
				lastOutput: lastProblem ? `${output}\n(${lastProblem})` : output,
			});
			try {
				signal.throwIfAborted();
				return await new Promise<number>((resolve, reject) => {
					let settled = false;
					const settle = (outcome: number | Error) => {
						if (settled) return;
						settled = true;
						local.abort();
						if (typeof outcome === 'number') resolve(outcome);
						else reject(outcome);
					};
					local.signal.addEventListener('abort', () => settle(signal.aborted ? (signal.reason as Error) : new Error('aborted')), {once: true});
					const judge = (state: ContainerState, askedAt: number) => {
						last = state;
						const verdict = judgeHealth(state, context.failFast === true);
						if (verdict.ready) return settle(readyTimeOf(state, floor, clock.now()));
						floor = Math.max(floor, askedAt);
						if (verdict.final) settle(new ProbeFailedError(details(verdict.output), verdict.final));
					};
					const check = () => {
						const askedAt = clock.now();
						context.probes.inspect(target.id).then(
							state => {
								lastProblem = undefined;
								judge(state, askedAt);
							},
							(error: unknown) => {
								if (isNotFound(error)) settle(new ProbeFailedError(details('container is gone'), 'the container was removed'));
								// Unreachable for now (restarting daemon): the re-subscription inspects again.
								else lastProblem = error instanceof Error ? error.message : String(error);
							},
						);
					};
					void clock.sleep(Math.max(0, deadline - clock.now()), local.signal).then(
						async () => {
							const askedAt = clock.now();
							const state = await context.probes.inspect(target.id).catch(() => undefined);
							if (state) judge(state, askedAt);
							settle(new ProbeTimeoutError(details(last ? judgeOutput(last, context.failFast === true) : 'no state'), clock.now() - began));
						},
						() => undefined,
					);
					watchAcrossDrops(context.probes.watch.bind(context.probes), target.id, {
						signal: local.signal,
						clock,
						backoffCapMs: context.backoffCapMs,
						random: context.random,
						onEvent(event) {
							if (event.status === 'health_status: healthy') {
								const at = clock.now();
								options.onHealthyEvent?.(event.epochMs ?? at, at);
								settle(Math.min(at, Math.max(floor, event.epochMs ?? at)));
							} else if (event.status.startsWith('health_status') || ['die', 'start', 'restart', 'oom', 'kill'].includes(event.status)) check();
						},
						onResync: check,
						onDrop(error) {
							lastProblem = `events stream dropped${error ? `: ${error.message}` : ''}; subscribing again`;
						},
					});
				});
			} finally {
				signal.removeEventListener('abort', onAbort);
				local.abort();
			}
		},
	};
}

/** What a not-ready state last showed, for the timeout message. */
function judgeOutput(state: ContainerState, failFast: boolean): string {
	const verdict = judgeHealth(state, failFast);
	return verdict.ready ? 'ready' : verdict.output;
}
