/**
 * What the Swarm engine code sees of services and tasks, and the capability set it needs from
 * the daemon: the swarm port (engine/ports/swarm.ts, implemented in source/docker/swarm.ts).
 * Nothing here assumes one node: tasks carry their node, readiness reads task state (Swarm
 * reports a task `running` only once its container's healthcheck passed).
 */
export type {ServiceSpec, SwarmService, SwarmTask} from '../ports/swarm.js';
export type {SwarmPort as SwarmCapabilities} from '../ports/swarm.js';
