/**
 * Waits for several containers at once, each on the probes its labels ask for, each under
 * the overall deadline or its own `deckhand.ready.timeout` if shorter. Used by `deckhand wait`.
 */
import {readServiceSettings} from '../labels.js';
import {readinessFromLabels} from './from-labels.js';
import type {ListedContainer} from './select.js';
import {serviceOf} from './select.js';
import type {Clock, ProbeCapabilities} from './types.js';

/** The outcome of one container's wait. */
export type ContainerWaitResult = {
	readonly container: ListedContainer;
	readonly service: string;
	readonly probe: string;
	readonly elapsedMs: number;
	readonly error?: Error;
};

/** Options of `waitForContainers`. */
export type WaitForContainersOptions = {
	readonly probes: ProbeCapabilities;
	readonly clock: Clock;
	readonly signal: AbortSignal;
	readonly timeoutMs: number;
	readonly failFast?: boolean;
	/** Called as each container finishes, ready or not. */
	readonly onResult?: (result: ContainerWaitResult) => void;
};

/** Waits for every container; never rejects for a probe failure (see each result's `error`). */
export async function waitForContainers(containers: readonly ListedContainer[], options: WaitForContainersOptions): Promise<ContainerWaitResult[]> {
	const began = options.clock.now();
	return Promise.all(
		containers.map(async container => {
			const own = readServiceSettings(container.labels).ready.timeoutMs;
			const deadline = began + Math.min(options.timeoutMs, own ?? Number.POSITIVE_INFINITY);
			const strategy = readinessFromLabels(container.labels);
			const service = serviceOf(container);
			// Ready: from the start until readiness was observed (an event's time or an inspect's
			// evidence), not until the wait returned; failed: until now.
			const finish = (endedAt: number, error?: Error): ContainerWaitResult => {
				const result = {container, service, probe: strategy.probe, elapsedMs: Math.max(0, endedAt - began), error};
				options.onResult?.(result);
				return result;
			};
			try {
				const readyAt = await strategy.waitUntilReady({id: container.id, name: container.name}, {signal: options.signal, deadline, clock: options.clock, probes: options.probes, failFast: options.failFast});
				return finish(Math.min(readyAt, options.clock.now()));
			} catch (error) {
				options.signal.throwIfAborted();
				return finish(options.clock.now(), error instanceof Error ? error : new Error(String(error)));
			}
		}),
	);
}
