/**
 * Mode detection assembled: gather the facts `detectMode` needs through the ports (this
 * process's /proc, the endpoint, the daemon's container ids only when they decide) and the
 * engine facts `deckhand mode` prints. The decision itself is the pure detect.ts.
 */
import type {EnginePorts, EngineVersion} from '../ports/index.js';
import {detectMode, modeParallelism, needsDaemonContainers, type EngineMode, type ModeReport} from './detect.js';

/** The ports mode detection reads. */
export type ModePorts = Pick<EnginePorts, 'host' | 'endpoint' | 'containers'>;

/** Detects the mode: local facts only for local endpoints, the container list only when it decides. */
export async function detectEngineMode(ports: ModePorts): Promise<ModeReport> {
	const base = {endpointKind: ports.endpoint.kind, endpointHost: ports.endpoint.host};
	if (detectMode(base).mode === 'remote') return detectMode(base);
	const [mountinfo, cgroup, processNames] = await Promise.all([ports.host.mountinfo(), ports.host.cgroup(), ports.host.processNames()]);
	const facts = {...base, mountinfo, cgroup, processNames};
	if (!needsDaemonContainers(facts)) return detectMode(facts);
	const containers = await ports.containers.list({all: true});
	return detectMode({...facts, daemonContainerIds: containers.map(container => container.Id)});
}

/** What `deckhand mode` reports: the mode and the engine's own facts. */
export type ModeDescription = {
	readonly mode: EngineMode;
	readonly containerId: string | null;
	readonly evidence: readonly string[];
	readonly parallelism: number;
	readonly endpoint: {readonly host: string; readonly source: string; readonly context: string | null};
	readonly engine: {
		/** `podman` for Podman's Docker-compatible service, `docker` otherwise. */
		readonly product: EngineProduct;
		readonly version: string;
		readonly apiVersion: string;
		readonly os: string;
		readonly arch: string;
		readonly kernel: string;
		readonly cgroupVersion: string;
		readonly cgroupDriver: string;
		readonly swarm: string;
	};
};

/** Which engine software answers. */
export type EngineProduct = 'docker' | 'podman';

/** Podman's compatible `/version` names a "Podman Engine" component (its Platform name is the OS); anything else is Docker. */
export function engineProduct(version: Pick<EngineVersion, 'Components' | 'Platform'>): EngineProduct {
	const names = [version.Platform?.Name ?? '', ...(version.Components ?? []).map(component => component.Name ?? '')];
	return names.some(name => /podman/i.test(name)) ? 'podman' : 'docker';
}

/** Mode plus version, API version, OS, cgroup version and swarm state, from one version and one info call. */
export async function describeEngine(ports: ModePorts & Pick<EnginePorts, 'system'>): Promise<ModeDescription> {
	const [report, version, info] = await Promise.all([detectEngineMode(ports), ports.system.version(), ports.system.info()]);
	return {
		mode: report.mode,
		containerId: report.containerId ?? null,
		evidence: report.evidence,
		parallelism: modeParallelism[report.mode],
		endpoint: {host: ports.endpoint.host, source: ports.endpoint.source, context: ports.endpoint.context ?? null},
		engine: {
			product: engineProduct(version),
			version: version.Version,
			apiVersion: version.ApiVersion,
			os: String(info.OperatingSystem ?? version.Os),
			arch: version.Arch,
			kernel: version.KernelVersion,
			cgroupVersion: String(info.CgroupVersion ?? '1'),
			cgroupDriver: String(info.CgroupDriver ?? ''),
			swarm: String(info.Swarm?.LocalNodeState ?? 'inactive'),
		},
	};
}

/** Engine facts for the console's header: version and swarm state. */
export type EngineFacts = {readonly version: string; readonly swarm: string};

/** Reads the console header's engine facts. */
export async function readEngineFacts(ports: Pick<EnginePorts, 'system'>): Promise<EngineFacts> {
	const [version, info] = await Promise.all([ports.system.version(), ports.system.info()]);
	return {version: version.Version, swarm: String(info.Swarm?.LocalNodeState ?? 'inactive')};
}

/** The parallelism plans should use on this engine (detects the mode; one container list at most). */
export async function engineParallelism(ports: ModePorts): Promise<number> {
	return modeParallelism[(await detectEngineMode(ports)).mode];
}
