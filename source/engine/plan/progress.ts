/**
 * Plan progress as text, pure: one plain line per event (non-TTY), the live list's rows
 * (TTY), and the failure summary. The CLI and the console format steps the same way.
 */
import {formatDuration} from '../duration.js';
import type {StepEvent, StepFailure} from './execute.js';

const verbs: Record<StepEvent['kind'], string> = {start: 'start', ready: 'ready', complete: 'completed'};

/** `db  ready  waiting (healthcheck)` / `db  start  done 120ms (created)`. */
export function formatStepEvent(event: StepEvent): string {
	const what = `${event.service} ${verbs[event.kind]}`;
	const elapsed = event.elapsedMs === undefined ? '' : ` ${formatDuration(event.elapsedMs)}`;
	const detail = event.detail ? ` (${event.detail})` : '';
	switch (event.type) {
		case 'ready':
			return `✔ ${what}${elapsed}`;
		case 'failed':
			return `✘ ${what}${elapsed}: ${event.failure?.message ?? 'failed'}`;
		case 'cancelled':
			return `- ${what} cancelled`;
		default:
			return `· ${what} ${event.type}${detail}`;
	}
}

/** The multi-line failure report: step, probe, attempts, last output. */
export function formatFailure(step: string, failure: StepFailure): string {
	const lines = [`step ${step} failed: ${failure.message}`];
	if (failure.probe) lines.push(`  probe: ${failure.probe}${failure.attempts === undefined ? '' : `, attempts: ${failure.attempts}`}`);
	if (failure.lastOutput) lines.push(`  last output: ${failure.lastOutput.split('\n').slice(-5).join('\n               ')}`);
	return lines.join('\n');
}

/** Latest state per step for the live list, in plan order. */
export function liveRows(steps: readonly string[], latest: ReadonlyMap<string, StepEvent>, spinner: string, now: number): string[] {
	return steps.map(id => {
		const event = latest.get(id);
		if (!event) return `  ${id}`;
		const running = event.type === 'starting' || event.type === 'waiting';
		const mark = running ? spinner : event.type === 'ready' ? '✔' : event.type === 'failed' ? '✘' : event.type === 'cancelled' ? '-' : '·';
		const elapsed = event.elapsedMs !== undefined ? ` ${formatDuration(event.elapsedMs)}` : running ? ` ${formatDuration(Math.max(0, now - event.at))}` : '';
		const detail = event.detail ? ` (${event.detail})` : '';
		return `${mark} ${event.service.padEnd(16)} ${verbs[event.kind].padEnd(9)} ${event.type === 'ready' ? 'done' : event.type}${elapsed}${detail}`;
	});
}
