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
			const finish = (error?: Error): ContainerWaitResult => {
				const result = {container, service, probe: strategy.probe, elapsedMs: options.clock.now() - began, error};
				options.onResult?.(result);
				return result;
			};
			try {
				await strategy.waitUntilReady({id: container.id, name: container.name}, {signal: options.signal, deadline, clock: options.clock, probes: options.probes, failFast: options.failFast});
				return finish();
			} catch (error) {
				options.signal.throwIfAborted();
				return finish(error instanceof Error ? error : new Error(String(error)));
			}
		}),
	);
}
