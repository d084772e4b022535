/**
 * Crash-loop detection, pure: a container that died several times within a window is
 * looping. The die times come from the event stream (the reducer records them), so no
 * polling is needed; Docker's own RestartCount seeds the verdict for a loop that was
 * already going before deckhand started watching.
 */
import type {ContainerModel} from './types.js';

/** When a container counts as crash-looping. */
export type CrashLoopPolicy = {
	/** This many dies within `windowMs` make a loop. */
	readonly dies: number;
	readonly windowMs: number;
	/** Die times kept per container (memory stays bounded). */
	readonly kept: number;
};

/** The default: 3 dies within 5 minutes. */
export const defaultCrashLoopPolicy: CrashLoopPolicy = {dies: 3, windowMs: 5 * 60_000, kept: 10};

/** The die times after one more die at `time`: older than the window dropped, at most `kept`. */
export function recordDie(recent: readonly number[] | undefined, time: number, policy: CrashLoopPolicy = defaultCrashLoopPolicy): number[] {
	return [...(recent ?? []).filter(at => at > time - policy.windowMs && at <= time), time].slice(-policy.kept);
}

/**
 * True when `container` is crash-looping at `now`: it died `dies` times within the window,
 * or (seen first mid-loop) Docker restarted it at least `dies` times, the last exit was not
 * clean and it (re)started or exited within the window.
 */
export function isCrashLooping(container: Pick<ContainerModel, 'state' | 'recentDies' | 'restartCount' | 'lastExitCode' | 'startedAt' | 'finishedAt'>, now: number, policy: CrashLoopPolicy = defaultCrashLoopPolicy): boolean {
	const since = now - policy.windowMs;
	if ((container.recentDies ?? []).filter(at => at > since).length >= policy.dies) return true;
	if ((container.restartCount ?? 0) < policy.dies) return false;
	if (container.state === 'restarting') return true;
	const recent = Math.max(container.startedAt ?? 0, container.finishedAt ?? 0) > since;
	return recent && (container.lastExitCode ?? 0) !== 0;
}
