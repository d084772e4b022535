/**
 * Uptime probe: the container has been running for at least D since it last started (a
 * service that crash-loops is never "up" for long). No polling: it sleeps exactly the missing
 * time, then checks the container did not restart meanwhile.
 */
import {formatDuration} from '../duration.js';
import {ProbeFailedError, ProbeTimeoutError} from './errors.js';
import {backoffDelay} from './backoff.js';
import {isNotFound} from '../ports/containers.js';
import type {WaitStrategy} from './types.js';

/**
 * Ready when the container is running and `now - StartedAt >= minMs`, dated at StartedAt +
 * minMs. An inspect that fails (daemon restarting) is retried with backoff until the deadline;
 * only a removed container ends it early.
 */
export function uptimeWait(minMs: number): WaitStrategy {
	const probe = `uptime:${formatDuration(minMs)}`;
	return {
		probe,
		async waitUntilReady(target, context) {
			const {clock, signal, deadline} = context;
			const began = clock.now();
			let attempts = 0;
			let lastOutput = '';
			const details = () => ({target: target.name, probe, attempts, lastOutput});
			const backOff = async (now: number) => {
				if (now >= deadline) throw new ProbeTimeoutError(details(), now - began);
				await clock.sleep(Math.min(backoffDelay(attempts - 1, (context.random ?? Math.random)(), {capMs: context.backoffCapMs}), deadline - now), signal);
			};
			for (;;) {
				signal.throwIfAborted();
				attempts++;
				const state = await context.probes.inspect(target.id).catch((error: unknown) => {
					signal.throwIfAborted();
					if (isNotFound(error)) throw new ProbeFailedError(details(), 'the container was removed');
					lastOutput = error instanceof Error ? error.message : String(error);
					return undefined;
				});
				const now = clock.now();
				if (!state) {
					await backOff(now);
					continue;
				}
				if (state.running) {
					const age = Math.max(0, now - state.startedAt);
					if (age >= minMs) return Math.min(now, Math.max(began, state.startedAt + minMs));
					lastOutput = `running for ${formatDuration(age)}, needs ${formatDuration(minMs)}`;
					if (now >= deadline) throw new ProbeTimeoutError(details(), now - began);
					await clock.sleep(Math.min(minMs - age, deadline - now), signal);
					continue;
				}
				lastOutput = `container is ${state.status} (exit code ${state.exitCode})`;
				if (state.status !== 'restarting' && state.status !== 'created' && !state.restartsWithDaemon) throw new ProbeFailedError(details(), lastOutput);
				await backOff(now);
			}
		},
	};
}
