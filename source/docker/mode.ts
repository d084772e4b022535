/**
 * Gathers the facts mode detection needs (our /proc files, process names, the daemon's
 * container ids) and the engine facts `deckhand mode` prints. The decision itself is the
 * pure `detectMode` in source/engine/mode/detect.ts.
 */
import {readdirSync, readFileSync} from 'node:fs';
import type Docker from 'dockerode';
import {detectMode, modeParallelism, needsDaemonContainers, type EngineMode, type ModeReport} from '../engine/mode/detect.js';
import type {EngineEndpoint} from './connection.js';

/** Where local facts come from; tests and the in-container check substitute their own. */
export type ProcReaders = {
	readonly mountinfo: () => Promise<string | undefined>;
	readonly cgroup: () => Promise<string | undefined>;
	readonly processNames: () => Promise<readonly string[] | undefined>;
};

const readOptional = (file: string): string | undefined => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
};

/** Readers over this process's own /proc. */
export const localProcReaders: ProcReaders = {
	mountinfo: async () => readOptional('/proc/self/mountinfo'),
	cgroup: async () => readOptional('/proc/self/cgroup'),
	async processNames() {
		let entries: string[];
		try {
			entries = readdirSync('/proc').filter(entry => /^\d+$/.test(entry));
		} catch {
			return undefined;
		}
		return entries.map(pid => readOptional(`/proc/${pid}/comm`)?.trim()).filter((name): name is string => name !== undefined);
	},
};

/** Detects the mode for an endpoint: local facts only for local endpoints, the container list only when it decides. */
export async function detectEngineMode(docker: Docker, endpoint: Pick<EngineEndpoint, 'kind' | 'host'>, readers: ProcReaders = localProcReaders): Promise<ModeReport> {
	const base = {endpointKind: endpoint.kind, endpointHost: endpoint.host};
	if (detectMode(base).mode === 'remote') return detectMode(base);
	const [mountinfo, cgroup, processNames] = await Promise.all([readers.mountinfo(), readers.cgroup(), readers.processNames()]);
	const facts = {...base, mountinfo, cgroup, processNames};
	if (!needsDaemonContainers(facts)) return detectMode(facts);
	const containers = await docker.listContainers({all: true});
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
export function engineProduct(version: {readonly Components?: ReadonlyArray<{readonly Name?: string}> | null; readonly Platform?: {readonly Name?: string} | null}): EngineProduct {
	const names = [version.Platform?.Name ?? '', ...(version.Components ?? []).map(component => component.Name ?? '')];
	return names.some(name => /podman/i.test(name)) ? 'podman' : 'docker';
}

/** Mode plus version, API version, OS, cgroup version and swarm state, from one version and one info call. */
export async function describeEngine(docker: Docker, endpoint: EngineEndpoint, readers: ProcReaders = localProcReaders): Promise<ModeDescription> {
	const [report, version, info] = await Promise.all([detectEngineMode(docker, endpoint, readers), docker.version(), docker.info() as Promise<Record<string, any>>]);
	return {
		mode: report.mode,
		containerId: report.containerId ?? null,
		evidence: report.evidence,
		parallelism: modeParallelism[report.mode],
		endpoint: {host: endpoint.host, source: endpoint.source, context: endpoint.context ?? null},
		engine: {
			product: engineProduct(version as Parameters<typeof engineProduct>[0]),
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

/** The parallelism plans should use on this connection (detects the mode; one container list at most). */
export async function engineParallelism(connection: {readonly docker: Docker; readonly endpoint: EngineEndpoint}, readers: ProcReaders = localProcReaders): Promise<number> {
	return modeParallelism[(await detectEngineMode(connection.docker, connection.endpoint, readers)).mode];
}
