/** The waits library: strategies, factory, labels, errors, clock and backoff. */
export type {AttemptResult, Clock, ContainerEvent, ContainerState, ProbeCapabilities, WaitContext, WaitStrategy, WaitTarget} from './types.js';
export {backoffDelay, defaultBackoff, type BackoffOptions} from './backoff.js';
export {realClock, sleep} from './clock.js';
export {ProbeFailedError, ProbeTimeoutError, type ProbeDetails} from './errors.js';
export {Wait} from './factory.js';
export {probesFromLabels, readinessFromLabels} from './from-labels.js';
export {judgeHealth} from './healthcheck.js';
export {pollUntilReady, type PollContext, type ProbeAttempt} from './poll.js';
