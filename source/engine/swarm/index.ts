/** Swarm stacks: deploy a compose project as services, rolling restart, scale, readiness by task age. */
export {deploySwarmStack, type SwarmDeployOptions, type SwarmDeployResult} from './deploy.js';
export {defaultSwarmUptimeMs, judgeSwarmCompletion, judgeSwarmService, swarmUptimeMs, waitSwarmServiceReady} from './readiness.js';
export {swarmNetworks, swarmServiceName, swarmServiceSpec} from './spec.js';
export {resolveSwarmService, restartSwarmService, scaleService, type SwarmUpdateOptions, type SwarmUpdateResult} from './update.js';
export type {ServiceSpec, SwarmCapabilities, SwarmService, SwarmTask} from './types.js';
