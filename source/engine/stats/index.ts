/** Stats, engine side: `docker stats` maths, samplers, the hub with bounded histories, one-shot figures. */
export {computeStats, cpuPercent, memoryPercent} from './compute.js';
export {blockIo, countersFromApi, memoryInUse, networkIo, previousCountersFromApi, statsFromApi, type DockerStatsJson} from './from-api.js';
export {createStatsHub, type StatsHub, type StatsHubOptions, type StatsListener, type StatsUpdate} from './hub.js';
export type {ContainerStats, StatsCounters, StatsSampler} from './types.js';
export {createApiStatsSampler, type ApiStatsSampler} from './api-sampler.js';
export {createCgroupStatsSampler, type CgroupStatsSampler} from './cgroup-sampler.js';
export {chooseStatsSampler, createEngineStatsHub, type SamplerPreference} from './engine-hub.js';
export {sampleOnce} from './once.js';
