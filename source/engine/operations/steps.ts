/**
 * Progress of the engine's actions in the operations' one event shape: plan steps (start,
 * ready, complete), stops and removals level by level, deploy steps. Pure mapping.
 */
import type {StopEvent} from '../actions/compose/stop.js';
import type {StepEvent} from '../plan/execute.js';
import type {Emit, OperationEvent} from './types.js';

type Partial = Omit<OperationEvent, 'operation' | 'target' | 'elapsedMs'>;

/** A plan step event; `healthchecked` services wait "for healthy", the others "for ready". */
export function fromStepEvent(event: StepEvent, healthchecked: ReadonlySet<string> = new Set()): Partial {
	const waitingFor = healthchecked.has(event.service) ? 'healthy' : 'ready';
	const phase = ((): string => {
		switch (event.type) {
			case 'pending': return 'pending';
			case 'starting': return event.detail ?? 'starting';
			case 'waiting': return event.kind === 'complete' ? 'waiting to complete' : `waiting for ${event.detail ?? waitingFor}`;
			case 'ready': return event.kind === 'start' ? `started${event.detail ? ` (${event.detail})` : ''}` : event.kind === 'complete' ? 'completed' : waitingFor;
			case 'failed': return `failed: ${event.failure?.message ?? 'failed'}`;
			case 'cancelled': return 'cancelled';
		}
	})();
	return {
		kind: 'step', phase, type: event.type, step: event.step, service: event.service,
		...(event.elapsedMs === undefined ? {} : {stepElapsedMs: event.elapsedMs}),
		...(event.detail === undefined ? {} : {detail: event.detail}),
	};
}

/** A stop or removal of one container of a level. */
export function fromStopEvent(event: StopEvent): Partial {
	return {kind: 'step', phase: event.type, type: event.type, step: `stop:${event.container}`, service: event.service, container: event.container, level: event.level};
}

/** An emitter for what `restartServices`/`upProject`/`downProject` report. */
export function planEmitter(emit: Emit, healthchecked?: ReadonlySet<string>): (event: StepEvent | StopEvent) => void {
	return event => emit('step' in event && 'kind' in event ? fromStepEvent(event, healthchecked) : fromStopEvent(event as StopEvent));
}
