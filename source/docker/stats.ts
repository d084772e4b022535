/** Stats, Docker side: the samplers, choosing one, and one-shot figures for `status`. */
import type Docker from 'dockerode';
import {createStatsHub, type StatsHub, type StatsHubOptions} from '../engine/stats/hub.js';
import {createStatsSampler, type SamplerPreference} from './stats-sampler.js';

export {createApiStatsSampler, type ApiStatsSampler} from './stats-api.js';
export {createCgroupStatsSampler, type CgroupStatsSampler} from './stats-cgroup.js';
export {canReadCgroups, createStatsSampler, isLocalEngine, type SamplerPreference} from './stats-sampler.js';
export {sampleOnce} from './stats-once.js';

/**
 * A stats hub for this engine with the sampler that fits it (cgroup files when local and
 * readable, API streams otherwise): what the console and live commands subscribe to.
 */
export function createEngineStatsHub(docker: Docker, options: Omit<StatsHubOptions, 'sampler'> & {readonly prefer?: SamplerPreference; readonly onError?: (id: string, error: unknown) => void} = {}): StatsHub {
	const {prefer, onError, ...hubOptions} = options;
	return createStatsHub({...hubOptions, sampler: createStatsSampler(docker, {prefer, intervalMs: hubOptions.intervalMs, onError})});
}
