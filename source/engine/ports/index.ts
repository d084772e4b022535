/**
 * The engine's ports (after k9s's small capability interfaces): everything the engine asks
 * of Docker, cut by resource. The composition root (cli.tsx, source/commands, the console
 * start-up) builds one `EnginePorts` from a client (source/docker/ports.ts) and hands it to
 * engine functions; each function takes the whole object but touches only the ports it
 * names, so tests hand it fakes of those few.
 */
import type {ArchivePort} from './archive.js';
import type {ContainersPort} from './containers.js';
import type {EventsPort} from './events.js';
import type {ExecPort} from './exec.js';
import type {LogsPort} from './logs.js';
import type {CgroupPort, StatsPort} from './stats.js';
import type {SwarmPort} from './swarm.js';
import type {EndpointFacts, HostFactsPort, SystemPort} from './system.js';

/** Every capability the engine uses, one port per Docker resource. */
export type EnginePorts = {
	readonly containers: ContainersPort;
	readonly events: EventsPort;
	readonly exec: ExecPort;
	readonly archive: ArchivePort;
	readonly logs: LogsPort;
	readonly stats: StatsPort;
	readonly cgroup: CgroupPort;
	readonly swarm: SwarmPort;
	readonly system: SystemPort;
	/** This process's /proc (mode detection). */
	readonly host: HostFactsPort;
	/** How the engine was reached. */
	readonly endpoint: EndpointFacts;
	/** The probes' network side: TCP connect and HTTP GET on 127.0.0.1. */
	readonly network: NetworkPort;
};

/** The result of one network probe attempt. */
export type NetworkAttempt = {readonly ok: boolean; readonly output: string; readonly status?: number};

/** Network probes on loopback, each bounded by a per-attempt timeout and a signal. */
export type NetworkPort = {
	connectTcp(port: number, signal: AbortSignal): Promise<NetworkAttempt>;
	httpGet(port: number, path: string, signal: AbortSignal): Promise<NetworkAttempt>;
};

export type * from './archive.js';
export type * from './containers.js';
export type * from './events.js';
export type * from './exec.js';
export type * from './logs.js';
export type * from './stats.js';
export type * from './swarm.js';
export type * from './system.js';
export {isNotFound} from './containers.js';
