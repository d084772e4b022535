/**
 * Runs a plan: each step starts the moment all the steps it waits on have succeeded (no waves).
 * `start` steps talk to the engine and share a bounded number of slots; `ready`/`complete`
 * steps only wait, so they are not counted. The first failure stops new starts and aborts the
 * other waits; whatever already runs is left running.
 */
import {setMaxListeners} from 'node:events';
import type {PlanStep, StartupPlan} from './graph.js';

/** Progress of one step, with timings relative to the run's start. */
export type StepEvent = {
	readonly type: 'pending' | 'starting' | 'waiting' | 'ready' | 'failed' | 'cancelled';
	readonly step: string;
	readonly service: string;
	readonly kind: PlanStep['kind'];
	/** ms since the run began. */
	readonly at: number;
	/** ms the step took (ready/failed). */
	readonly elapsedMs?: number;
	readonly detail?: string;
	readonly failure?: StepFailure;
};

/** What a failed step reports: which probe, how many attempts, what it last saw. */
export type StepFailure = {
	readonly message: string;
	readonly probe?: string;
	readonly attempts?: number;
	readonly lastOutput?: string;
};

/** An error a step runner may throw to carry probe details. */
export class StepError extends Error {
	constructor(
		message: string,
		readonly probe?: string,
		readonly attempts?: number,
		readonly lastOutput?: string,
	) {
		super(message);
	}
}

/** Does one step; resolves on success. `detail` reports an intermediate note (e.g. `recreated`). */
export type StepRunner = (step: PlanStep, context: {readonly signal: AbortSignal; readonly detail: (text: string) => void}) => Promise<void>;

/** Executor options; `now` is injected so tests control time. */
export type ExecuteOptions = {
	readonly concurrency?: number;
	readonly signal?: AbortSignal;
	readonly now?: () => number;
	readonly onEvent?: (event: StepEvent) => void;
};

/** The outcome: ok, or the first failure (other steps cancelled or never started). */
export type ExecuteResult = {
	readonly ok: boolean;
	readonly failed?: {readonly step: PlanStep; readonly failure: StepFailure};
	readonly durations: Readonly<Record<string, number>>;
	readonly elapsedMs: number;
};

/** Turns any thrown value into a StepFailure. */
export function toFailure(error: unknown): StepFailure {
	if (error instanceof StepError) return {message: error.message, probe: error.probe, attempts: error.attempts, lastOutput: error.lastOutput};
	const probe = (error as {probe?: unknown}).probe;
	const attempts = (error as {attempts?: unknown}).attempts;
	const lastOutput = (error as {lastOutput?: unknown}).lastOutput;
	return {
		message: error instanceof Error ? error.message : String(error),
		probe: typeof probe === 'string' ? probe : undefined,
		attempts: typeof attempts === 'number' ? attempts : undefined,
		lastOutput: typeof lastOutput === 'string' ? lastOutput : undefined,
	};
}

/** Executes `plan` with `run` for each step. Never rejects for a step failure; see `result.failed`. */
export async function executePlan(plan: StartupPlan, run: StepRunner, options: ExecuteOptions = {}): Promise<ExecuteResult> {
	const now = options.now ?? (() => performance.now());
	const concurrency = Math.max(1, options.concurrency ?? 8);
	const emit = options.onEvent ?? (() => undefined);
	const began = now();
	const stop = new AbortController();
	// Every in-flight step listens on this signal; the plan's size bounds them, not 10.
	setMaxListeners(0, stop.signal);
	const onOuterAbort = () => stop.abort(options.signal?.reason);
	options.signal?.addEventListener('abort', onOuterAbort, {once: true});

	const done = new Set<string>();
	const started = new Set<string>();
	const durations: Record<string, number> = {};
	const queue: PlanStep[] = [];
	let slotsInUse = 0;
	let inFlight = 0;
	let failed: ExecuteResult['failed'];
	// Tenths of a millisecond: enough for timings, short in `--json` lines.
	const round = (ms: number) => Math.round(ms * 10) / 10;
	const base = (step: PlanStep) => ({step: step.id, service: step.service, kind: step.kind, at: round(now() - began)});

	for (const step of plan.steps) emit({type: 'pending', ...base(step)});

	return new Promise<ExecuteResult>(resolve => {
		const finish = () => {
			options.signal?.removeEventListener('abort', onOuterAbort);
			resolve({ok: !failed, failed, durations, elapsedMs: now() - began});
		};
		const launch = (step: PlanStep) => {
			const usesSlot = step.kind === 'start';
			if (usesSlot) slotsInUse++;
			inFlight++;
			const t0 = now();
			emit({type: step.kind === 'start' ? 'starting' : 'waiting', ...base(step)});
			const detail = (text: string) => emit({type: step.kind === 'start' ? 'starting' : 'waiting', ...base(step), detail: text});
			Promise.resolve()
				.then(() => run(step, {signal: stop.signal, detail}))
				.then(
					() => {
						durations[step.id] = now() - t0;
						done.add(step.id);
						emit({type: 'ready', ...base(step), elapsedMs: round(durations[step.id]!)});
					},
					(error: unknown) => {
						const elapsedMs = round(now() - t0);
						if (failed || stop.signal.aborted) {
							emit({type: 'cancelled', ...base(step), elapsedMs});
							return;
						}
						const failure = toFailure(error);
						failed = {step, failure};
						emit({type: 'failed', ...base(step), elapsedMs, failure});
						stop.abort(new Error(`stopped: ${step.id} failed`));
					},
				)
				.finally(() => {
					if (usesSlot) slotsInUse--;
					inFlight--;
					pump();
				});
		};
		const pump = () => {
			if (!failed && !stop.signal.aborted) {
				for (const step of plan.steps) {
					if (started.has(step.id) || !step.after.every(id => done.has(id))) continue;
					started.add(step.id);
					queue.push(step);
				}
				while (queue.length > 0) {
					const index = queue.findIndex(step => step.kind !== 'start' || slotsInUse < concurrency);
					if (index < 0) break;
					launch(queue.splice(index, 1)[0]!);
				}
			}
			if (inFlight === 0) {
				if (!failed && stop.signal.aborted && done.size < plan.steps.length) {
					const step = plan.steps.find(s => !done.has(s.id))!;
					failed = {step, failure: {message: `aborted: ${String((stop.signal.reason as Error)?.message ?? stop.signal.reason)}`}};
				}
				finish();
			}
		};
		stop.signal.addEventListener('abort', () => queueMicrotask(pump), {once: true});
		pump();
	});
}
