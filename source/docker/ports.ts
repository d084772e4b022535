/**
 * Builds the engine's ports from one dockerode client: the composition root calls this once
 * per connection and hands the result to engine functions.
 */
import type Docker from 'dockerode';
import type {EndpointFacts, EnginePorts} from '../engine/ports/index.js';
import {archiveAdapter} from './archive.js';
import {cgroupAdapter} from './cgroup.js';
import {containersAdapter} from './containers.js';
import {eventsAdapter} from './events.js';
import {execAdapter} from './exec.js';
import {localProcReaders} from './host.js';
import {logsAdapter} from './logs.js';
import {connectTcp, httpGet} from './probe-net.js';
import {statsAdapter} from './stats.js';
import {swarmAdapter} from './swarm.js';
import {systemAdapter} from './system.js';

/** A local unix socket when nothing else is known (tests that build a bare client). */
const socketEndpoint = (docker: Docker): EndpointFacts => {
	const socketPath = (docker.modem as {socketPath?: unknown} | undefined)?.socketPath;
	return {kind: 'unix', host: typeof socketPath === 'string' ? `unix://${socketPath}` : 'unix:///var/run/docker.sock', source: 'default'};
};

/** Every port of the engine over `docker`; `endpoint` says how it was reached (mode detection). */
export function dockerPorts(docker: Docker, endpoint: EndpointFacts = socketEndpoint(docker)): EnginePorts {
	return {
		containers: containersAdapter(docker),
		events: eventsAdapter(docker),
		exec: execAdapter(docker),
		archive: archiveAdapter(docker),
		logs: logsAdapter(docker),
		stats: statsAdapter(docker),
		cgroup: cgroupAdapter(docker),
		swarm: swarmAdapter(docker),
		system: systemAdapter(docker),
		host: localProcReaders,
		endpoint,
		network: {
			connectTcp: async (port, signal) => connectTcp('127.0.0.1', port, signal),
			httpGet: async (port, path, signal) => httpGet('127.0.0.1', port, path, signal),
		},
	};
}
