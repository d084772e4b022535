/**
 * Fakes for the waits library: clocks that run on virtual time and scripted capabilities,
 * so probe logic is tested without Docker or real timers.
 */
import type {AttemptResult, Clock, ContainerEvent, ContainerState, ProbeCapabilities} from '../../../source/engine/wait/types.js';

/**
 * A clock on virtual time that moves by itself: once everything else is idle (a macrotask
 * later), the earliest pending sleep fires and time jumps to it. `sleeps` records completed
 * sleeps (aborted ones, like a deadline race that lost, are not recorded).
 */
export function autoClock(start = 1_000_000): Clock & {readonly sleeps: number[]} {
	let now = start;
	const sleeps: number[] = [];
	let timers: Array<{at: number; ms: number; fire: () => void}> = [];
	const tick = () => {
		const next = timers.reduce<(typeof timers)[number] | undefined>((earliest, t) => (!earliest || t.at < earliest.at ? t : earliest), undefined);
		if (!next) return;
		timers = timers.filter(t => t !== next);
		now = Math.max(now, next.at);
		sleeps.push(next.ms);
		next.fire();
	};
	return {
		sleeps,
		now: () => now,
		async sleep(ms, signal) {
			signal?.throwIfAborted();
			await new Promise<void>((resolve, reject) => {
				const timer = {at: now + Math.max(0, ms), ms, fire: resolve};
				timers.push(timer);
				signal?.addEventListener(
					'abort',
					() => {
						timers = timers.filter(t => t !== timer);
						reject(signal.reason);
					},
					{once: true},
				);
				setImmediate(tick);
			});
		},
	};
}

/** A clock that only moves when the test calls `advance` (for event-driven waits). */
export function manualClock(start = 1_000_000): Clock & {advance(ms: number): Promise<void>; pending(): number} {
	let now = start;
	let timers: Array<{at: number; fire: () => void}> = [];
	return {
		now: () => now,
		pending: () => timers.length,
		async sleep(ms, signal) {
			signal?.throwIfAborted();
			await new Promise<void>((resolve, reject) => {
				const timer = {at: now + Math.max(0, ms), fire: resolve};
				timers.push(timer);
				signal?.addEventListener(
					'abort',
					() => {
						timers = timers.filter(t => t !== timer);
						reject(signal.reason);
					},
					{once: true},
				);
			});
		},
		async advance(ms) {
			now += ms;
			const due = timers.filter(t => t.at <= now);
			timers = timers.filter(t => t.at > now);
			for (const timer of due) timer.fire();
			await flush();
		},
	};
}

/** Lets pending promise callbacks run. */
export const flush = async (): Promise<void> => {
	for (let i = 0; i < 20; i++) await new Promise<void>(resolve => setImmediate(resolve));
};

/** A running container state with overrides. */
export const state = (overrides: Partial<ContainerState> = {}): ContainerState => ({running: true, status: 'running', exitCode: 0, startedAt: 0, publishedPorts: {}, ...overrides});

/** Capabilities that fail loudly unless a test scripts them; `emit` pushes a container event. */
export function fakeProbes(overrides: Partial<ProbeCapabilities> = {}): ProbeCapabilities & {emit(event: ContainerEvent): void; watching(): boolean; calls: string[]} {
	let listener: ((event: ContainerEvent) => void) | undefined;
	let signal: AbortSignal | undefined;
	const calls: string[] = [];
	const unexpected = (name: string) => async (): Promise<never> => {
		throw new Error(`unexpected ${name}`);
	};
	return {
		calls,
		inspect: unexpected('inspect'),
		exec: unexpected('exec') as (id: string, command: readonly string[], signal: AbortSignal) => Promise<AttemptResult>,
		connectTcp: unexpected('connectTcp'),
		httpGet: unexpected('httpGet'),
		logs: unexpected('logs'),
		async watch(_id, watchSignal, onEvent) {
			calls.push('watch');
			listener = onEvent;
			signal = watchSignal;
		},
		...overrides,
		emit: event => listener?.(event),
		watching: () => listener !== undefined && signal?.aborted === false,
	};
}
