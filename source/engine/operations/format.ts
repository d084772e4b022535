/**
 * Progress events as text, pure: the console's action line ("restarting api: waiting for
 * healthy (3.2s)…", "restarted api: healthy after 4.1s") and the CLI's plain lines.
 */
import {formatDuration} from '../duration.js';
import {formatFailure} from '../plan/progress.js';
import type {StepFailure} from '../plan/execute.js';
import {OperationFailedError} from '../errors.js';
import type {Operation, OperationEvent} from './types.js';

/** A failed plan step: one-line message, the multi-line report (probe, attempts, last output) beside it. */
export class StepFailedError extends OperationFailedError {
	constructor(message: string, readonly report: string) {
		super(message);
	}
}

/** Builds the StepFailedError of a plan result: `restart failed at ready:api: unhealthy`. */
export const stepFailed = (what: string, step: string, failure: StepFailure): StepFailedError => new StepFailedError(`${what} failed at ${step}: ${failure.message}`, formatFailure(step, failure));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Who an event is about: the container, else the step's service, else the operation's target. */
const who = (event: OperationEvent) => event.container ?? event.service ?? event.target;

/** The console's line while running (`now` = ms since the operation began, for a live elapsed). */
export function runningLine(operation: Pick<Operation, 'words'>, target: string, last: OperationEvent | undefined, now?: number): string {
	if (!last || last.kind === 'result') return `${operation.words.doing} ${target}…`;
	const step = last.kind === 'step' && who(last) !== target ? `${who(last)} ` : '';
	return `${operation.words.doing} ${target}: ${step}${last.phase} (${seconds(now ?? last.elapsedMs)})…`;
}

/** The console's line when it finished: `restarted api: healthy after 4.1s`. */
export function finishedLine(operation: Pick<Operation, 'words'>, target: string, last: OperationEvent | undefined, result: OperationEvent | undefined): string {
	const phase = last && last.kind === 'step' && who(last) === target ? `${last.phase} ` : '';
	return `${operation.words.done} ${target}: ${phase}after ${seconds(result?.elapsedMs ?? last?.elapsedMs ?? 0)}${result?.detail ? ` (${result.detail})` : ''}`;
}

/** One CLI line per event (undefined: not worth a line). */
export function eventLine(event: OperationEvent): string | undefined {
	if (event.kind === 'result') return undefined;
	if (event.kind === 'phase') return event.dependents && event.dependents.length > 0 ? `· dependents: ${event.dependents.join(', ')}` : undefined;
	if (event.type === 'pending') return undefined;
	const done = event.type === 'ready' || event.phase === 'stopped' || event.phase === 'removed' || event.phase === 'started' || event.phase === 'healthy';
	const mark = event.type === 'failed' ? '✘' : done ? '✔' : '·';
	const level = event.level === undefined || event.phase !== 'stopping' ? '' : ` (level ${event.level + 1})`;
	const took = event.stepElapsedMs === undefined ? '' : ` ${formatDuration(event.stepElapsedMs)}`;
	return `${mark} ${who(event)} ${event.phase}${level}${took}`;
}
