/**
 * The retry loop behind every attempt-based probe (exec, tcp, http, log): attempt, back off,
 * attempt again, until ready or the deadline. The last backoff is shortened to end at the
 * deadline; an attempt still running at the deadline is cut off. Errors name the probe, the attempts and the
 * last output.
 */
import {backoffDelay} from './backoff.js';
import {ProbeFailedError, ProbeTimeoutError} from './errors.js';
import type {AttemptResult, WaitContext, WaitTarget} from './types.js';

/** The parts of a wait context the loop uses (Swarm waits have no container probes). */
export type PollContext = Pick<WaitContext, 'signal' | 'deadline' | 'clock' | 'random' | 'backoffCapMs'>;

/** One attempt; `final` set means it can never succeed (stop now with that reason). */
export type ProbeAttempt = (signal: AbortSignal) => Promise<AttemptResult & {readonly final?: string}>;

/**
 * The answer of an attempt on a container that is not running (and not about to run again):
 * it can never become ready, so the wait stops now with why. Undefined while it runs.
 */
export function stoppedContainer(state: {readonly running: boolean; readonly status: string; readonly exitCode: number; readonly restartsWithDaemon?: boolean}): (AttemptResult & {readonly final: string}) | undefined {
	// A daemon restart stops a container like `docker stop`; one its restart policy brings back is waited on.
	if (state.running || state.status === 'restarting' || state.restartsWithDaemon) return undefined;
	return {ok: false, output: `container is ${state.status}`, final: `container is ${state.status} (exit code ${state.exitCode})`};
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `attempt` with backoff until it is ok, resolving with the time the passing attempt
 * began (clock scale); throws ProbeTimeoutError / ProbeFailedError.
 */
export async function pollUntilReady(target: WaitTarget, probe: string, context: PollContext, attempt: ProbeAttempt): Promise<number> {
	const {clock, signal, deadline} = context;
	const random = context.random ?? Math.random;
	const began = clock.now();
	let attempts = 0;
	let lastOutput = '';
	const timeout = () => new ProbeTimeoutError({target: target.name, probe, attempts, lastOutput}, clock.now() - began);
	for (;;) {
		signal.throwIfAborted();
		// An attempt started at the deadline could only be cut off: the previous one's output is the answer.
		if (attempts > 0 && clock.now() >= deadline) throw timeout();
		attempts++;
		const askedAt = clock.now();
		const outcome = await attemptBeforeDeadline(attempt, context);
		if (outcome === 'deadline') {
			lastOutput = `${lastOutput ? `${lastOutput}\n` : ''}(attempt ${attempts} still running at the deadline)`;
			throw timeout();
		}
		if (outcome.ok) return askedAt;
		lastOutput = outcome.output;
		if (outcome.final) throw new ProbeFailedError({target: target.name, probe, attempts, lastOutput}, outcome.final);
		const now = clock.now();
		if (now >= deadline) throw timeout();
		await clock.sleep(Math.min(backoffDelay(attempts - 1, random(), {capMs: context.backoffCapMs}), deadline - now), signal);
	}
}

/** Runs one attempt, cut off at the deadline; a thrown capability error is a failed attempt. */
async function attemptBeforeDeadline(attempt: ProbeAttempt, context: PollContext): Promise<(AttemptResult & {final?: string}) | 'deadline'> {
	const local = new AbortController();
	const onAbort = () => local.abort(context.signal.reason);
	context.signal.addEventListener('abort', onAbort, {once: true});
	try {
		const deadlineHit = context.clock.sleep(Math.max(0, context.deadline - context.clock.now()), local.signal).then(
			() => 'deadline' as const,
			() => undefined,
		);
		const result: Promise<AttemptResult & {final?: string}> = attempt(local.signal).catch((error: unknown) => {
			context.signal.throwIfAborted();
			return {ok: false, output: message(error)};
		});
		return await Promise.race([result, deadlineHit.then(async value => value ?? result)]);
	} finally {
		context.signal.removeEventListener('abort', onAbort);
		local.abort();
	}
}
