/**
 * Runs one operation of the table: the ONE place that decides read-only (a dangerous
 * operation under --read-only is refused before anything touches the engine), stamps every
 * event with the operation, its target and the elapsed time, and turns an abort into a
 * one-line "cancelled" failure that says what was left in which state.
 */
import {OperationFailedError, UsageError} from '../errors.js';
import type {Operation, OperationContext, OperationEvent, OperationResult, RunOptions} from './types.js';

/** An operation refused because the caller was started with --read-only (exit 2, nothing changed). */
export class ReadOnlyError extends UsageError {}

/** A run aborted by its signal (Ctrl-C, quit, context switch): exit 1, with what was left. */
export class OperationCancelledError extends OperationFailedError {}

/** Why `operation` may not run in `context`, or undefined when it may. The read-only decision. */
export function readOnlyRefusal(operation: Pick<Operation, 'id' | 'dangerous'>, context: Pick<OperationContext, 'readOnly'>): string | undefined {
	return context.readOnly && operation.dangerous ? `read-only: ${operation.id} changes the engine (started with --read-only)` : undefined;
}

/** What the last events left each service or container in: `api waiting for healthy, db stopped`. */
export function leftStates(events: readonly OperationEvent[]): string {
	const latest = new Map<string, string>();
	for (const event of events) {
		const who = event.service ?? event.container;
		// A step's own "cancelled" says nothing about the state it was left in; the phase before it does.
		if (who && event.kind === 'step' && event.type !== 'cancelled') latest.set(who, event.phase);
	}
	return [...latest].map(([who, phase]) => `${who} ${phase}`).join(', ');
}

/** Runs `operation` on `input`; rejects with ReadOnlyError, OperationCancelledError or the operation's own error. */
export async function runOperation<Input, Data>(context: OperationContext, operation: Operation<Input, Data>, input: Input, options: RunOptions = {}): Promise<OperationResult<Data>> {
	const target = operation.describe(input);
	const refusal = readOnlyRefusal(operation, context);
	if (refusal) throw new ReadOnlyError(refusal);
	const signal = options.signal ?? new AbortController().signal;
	const began = performance.now();
	const seen: OperationEvent[] = [];
	const send = (event: Omit<OperationEvent, 'operation' | 'target' | 'elapsedMs'>) => {
		const stamped: OperationEvent = {operation: operation.id, target, elapsedMs: Math.round(performance.now() - began), ...event};
		if (stamped.kind === 'step') seen.push(stamped);
		if (seen.length > 500) seen.splice(0, seen.length - 500);
		options.onEvent?.(stamped);
	};
	if (signal.aborted) throw new OperationCancelledError(`${operation.words.noun} of ${target} cancelled before it began`);
	try {
		const result = await operation.run(context, input, {signal, emit: send});
		// An engine function that stops quietly on abort still did not finish.
		if (signal.aborted) throw signal.reason ?? new Error('aborted');
		send({kind: 'result', phase: operation.words.done, result: 'ok', detail: result.summary});
		return result;
	} catch (error) {
		if (signal.aborted) {
			send({kind: 'result', phase: 'cancelled', result: 'cancelled'});
			const left = leftStates(seen);
			throw new OperationCancelledError(`${operation.words.noun} of ${target} cancelled after ${((performance.now() - began) / 1000).toFixed(1)}s${left ? `; left: ${left}` : ''}`);
		}
		send({kind: 'result', phase: 'failed', result: 'failed', detail: error instanceof Error ? error.message : String(error)});
		throw error;
	}
}
