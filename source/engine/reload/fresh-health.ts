/**
 * Readiness after a reload or a deploy swap. Docker's health *status* still says `healthy`
 * right after the app was restarted in place (the container never stopped), so "healthy" proves
 * nothing. What does: a healthcheck run that *started after* the action. Runs are compared by
 * Docker's own timestamps against a baseline on the daemon's clock taken right after the action
 * (no clock skew between deckhand and a remote daemon).
 */
import type {ContainerHealthState, HealthRun} from '../containers/inspect.js';

/** The verdict on one inspect. */
export type FreshHealthVerdict =
	| {readonly verdict: 'ready'; readonly lastOutput?: string}
	| {readonly verdict: 'waiting'; readonly lastOutput?: string; readonly attempts: number}
	| {readonly verdict: 'failed'; readonly reason: string; readonly probe: string; readonly attempts: number; readonly lastOutput?: string};

/** The newest logged healthcheck run's start (Docker time, epoch ms); -Infinity if none. */
export function healthBaseline(state: ContainerHealthState): number {
	return Math.max(Number.NEGATIVE_INFINITY, ...(state.health?.runs ?? []).map(run => run.start));
}

/**
 * Judges one inspect: `ready` when the newest run that started after `baseline` passed;
 * `failed` when the container stopped or `retries` runs in a row failed after the baseline plus
 * the healthcheck's start period (the app's own start time);
 * else `waiting`. A container without healthcheck is ready while it runs.
 */
export function judgeFreshHealth(state: ContainerHealthState, baseline: number): FreshHealthVerdict {
	if (!state.running) return {verdict: 'failed', reason: `container exited with code ${state.exitCode}`, probe: 'container', attempts: 1};
	if (!state.health) return {verdict: 'ready'};
	const fresh: HealthRun[] = state.health.runs.filter(run => run.start > baseline).sort((a, b) => a.start - b.start);
	const last = fresh.at(-1);
	if (last?.exitCode === 0) return {verdict: 'ready', lastOutput: last.output};
	// Like Docker at container start, failures within the start period after the action do not count.
	let failures = 0;
	for (let index = fresh.length - 1; index >= 0 && fresh[index]!.exitCode !== 0 && fresh[index]!.start > baseline + state.health.startPeriodMs; index--) failures++;
	// Docker keeps only the last 5 runs; past that its own failing streak tells.
	const exhausted = failures >= state.health.retries || (failures >= 5 && state.health.failingStreak >= state.health.retries);
	if (exhausted) {
		return {verdict: 'failed', reason: `healthcheck failed ${failures} times in a row`, probe: 'healthcheck', attempts: failures, lastOutput: last?.output};
	}
	return {verdict: 'waiting', attempts: failures, lastOutput: last?.output};
}
