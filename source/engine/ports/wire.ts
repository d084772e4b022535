/**
 * Pure helpers for Docker's wire formats that both sides use: the adapters in source/docker
 * decode streams with them and the engine with the same functions, so each format has one
 * decoder. Re-exported here so adapters depend on `engine/ports` alone.
 */
export {demultiplex, type Frame, type OutputStream} from '../logs/demux.js';
export {splitLines} from '../logs/lines.js';
export {createEventSplitter} from '../model/ndjson.js';
export {countersFromApi, type DockerStatsJson} from '../stats/from-api.js';
export type {StatsCounters, StatsSampler} from '../stats/types.js';
export type {DockerEvent} from '../model/types.js';
export type {ListedService, ListedTask} from '../model/convert.js';
export {sleep} from '../wait/clock.js';
export {backoffDelay} from '../wait/backoff.js';
export {EngineUnreachableError, UsageError} from '../errors.js';
