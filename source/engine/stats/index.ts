/** Stats, engine side: `docker stats` maths, the hub with bounded histories, one-shot figures. */
export {computeStats, cpuPercent, memoryPercent} from './compute.js';
export {blockIo, countersFromApi, memoryInUse, networkIo, previousCountersFromApi, statsFromApi, type DockerStatsJson} from './from-api.js';
export {createStatsHub, type StatsHub, type StatsHubOptions, type StatsListener, type StatsUpdate} from './hub.js';
export type {ContainerStats, StatsCounters, StatsSampler} from './types.js';
export {sampleOnce} from '../../docker/stats-once.js';
