/**
 * Stats wiring: choosing a sampler (cgroup files when the engine is local and its cgroup tree
 * readable, API streams otherwise) and the hub the console and live commands subscribe to.
 */
import type {EnginePorts} from '../ports/index.js';
import {createApiStatsSampler} from './api-sampler.js';
import {createCgroupStatsSampler} from './cgroup-sampler.js';
import {createStatsHub, type StatsHub, type StatsHubOptions} from './hub.js';
import type {StatsSampler} from './types.js';

/** Which sampler to use: decided from the engine (`auto`) or forced. */
export type SamplerPreference = 'auto' | 'api' | 'cgroup';

/** The ports a sampler reads. */
export type SamplerPorts = Pick<EnginePorts, 'stats' | 'cgroup' | 'containers' | 'events'>;

/** Options of `chooseStatsSampler`. */
export type SamplerOptions = {readonly prefer?: SamplerPreference; readonly intervalMs?: number; readonly onError?: (id: string, error: unknown) => void};

/** Creates the sampler that fits this engine (see the module comment). */
export function chooseStatsSampler(ports: SamplerPorts, options: SamplerOptions = {}): StatsSampler {
	const prefer = options.prefer ?? 'auto';
	const api = createApiStatsSampler(ports, {onError: options.onError});
	const useCgroups = prefer === 'cgroup' || (prefer === 'auto' && ports.cgroup.usable());
	return useCgroups ? createCgroupStatsSampler(ports, {fallback: api, intervalMs: options.intervalMs, onError: options.onError}) : api;
}

/** A stats hub for this engine with the sampler that fits it. */
export function createEngineStatsHub(ports: SamplerPorts, options: Omit<StatsHubOptions, 'sampler'> & Omit<SamplerOptions, 'intervalMs'> = {}): StatsHub {
	const {prefer, onError, ...hubOptions} = options;
	return createStatsHub({...hubOptions, sampler: chooseStatsSampler(ports, {prefer, intervalMs: hubOptions.intervalMs, onError})});
}
