/**
 * How deckhand reaches its engine, decided by ordered strategies over plain facts (the
 * text of /proc files, the process names in our PID namespace, the daemon's container ids).
 * Pure: engine-mode.ts gathers the facts through the ports. `/.dockerenv` alone proves nothing (some
 * hosts carry one), so being "inside a container" needs a container-specific mount or cgroup.
 */

/** The four ways deckhand can sit relative to the engine. */
export type EngineMode = 'host' | 'socket' | 'dind' | 'remote';

/** Facts mode detection looks at; local facts are absent for remote endpoints. */
export type ModeFacts = {
	readonly endpointKind: 'unix' | 'tcp' | 'ssh';
	/** The endpoint URL, e.g. `tcp://127.0.0.1:2375` (loopback tcp counts as local). */
	readonly endpointHost: string;
	/** /proc/self/mountinfo text. */
	readonly mountinfo?: string;
	/** /proc/self/cgroup text. */
	readonly cgroup?: string;
	/** Process names (comm) in our PID namespace. */
	readonly processNames?: readonly string[];
	/** Every container id the daemon knows (all states), when it was asked. */
	readonly daemonContainerIds?: readonly string[];
};

/** The decision and the evidence for it (shown by `deckhand mode`). */
export type ModeReport = {
	readonly mode: EngineMode;
	/** Our own container id when we run inside one and could find it. */
	readonly containerId?: string;
	readonly evidence: readonly string[];
};

/** Parallel engine operations a plan runs in each mode (remote links are slow, dind shares a small box). */
export const modeParallelism: Readonly<Record<EngineMode, number>> = {host: 8, socket: 8, dind: 4, remote: 3};

const containerFiles = new Set(['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']);

/** Our container id from the bind mounts Docker makes for /etc/hostname, /etc/hosts, /etc/resolv.conf. */
export function containerIdFromMountinfo(mountinfo: string): string | undefined {
	for (const line of mountinfo.split('\n')) {
		const fields = line.split(' ');
		// fields: id parent major:minor root mountpoint ...
		if (fields.length < 5 || !containerFiles.has(fields[4]!)) continue;
		const match = /\/containers\/([0-9a-f]{64})\//.exec(fields[3]!);
		if (match) return match[1];
	}
	return undefined;
}

/** Our container id from cgroup paths (`/docker/<id>`, `docker-<id>.scope`, `/kubepods/.../<id>`). */
export function containerIdFromCgroup(cgroup: string): string | undefined {
	for (const line of cgroup.split('\n')) {
		const path = line.split(':').slice(2).join(':');
		const match = /(?:^|[/-])([0-9a-f]{64})(?:\.scope)?$/.exec(path);
		if (match) return match[1];
	}
	return undefined;
}

/** True when the root filesystem is an overlay/aufs union, as in a container image. */
export function rootIsUnionFilesystem(mountinfo: string): boolean {
	for (const line of mountinfo.split('\n')) {
		const fields = line.split(' ');
		if (fields[4] !== '/') continue;
		const type = fields[fields.indexOf('-') + 1];
		return type === 'overlay' || type === 'aufs' || type === 'fuse-overlayfs';
	}
	return false;
}

const isLoopback = (host: string): boolean => /^(?:tcp|http|https):\/\/(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::\d+)?\/?$/.test(host);

type Strategy = (facts: ModeFacts, local: LocalFacts) => ModeReport | undefined;

type LocalFacts = {readonly containerId?: string; readonly inContainer: boolean; readonly inContainerWhy: string; readonly dockerdHere: boolean};

function localFacts(facts: ModeFacts): LocalFacts {
	const fromMounts = facts.mountinfo ? containerIdFromMountinfo(facts.mountinfo) : undefined;
	const fromCgroup = facts.cgroup ? containerIdFromCgroup(facts.cgroup) : undefined;
	const containerId = fromMounts ?? fromCgroup;
	const union = facts.mountinfo ? rootIsUnionFilesystem(facts.mountinfo) : false;
	const inContainerWhy = fromMounts
		? `container id ${fromMounts.slice(0, 12)} in mountinfo`
		: fromCgroup
			? `container id ${fromCgroup.slice(0, 12)} in cgroup`
			: union
				? 'root filesystem is an overlay'
				: 'no container mounts or cgroups';
	return {containerId, inContainer: containerId !== undefined || union, inContainerWhy, dockerdHere: facts.processNames?.includes('dockerd') ?? false};
}

/** The strategies, in order; the first that answers decides. */
const strategies: readonly Strategy[] = [
	facts =>
		facts.endpointKind === 'ssh' || (facts.endpointKind === 'tcp' && !isLoopback(facts.endpointHost))
			? {mode: 'remote', evidence: [`endpoint ${facts.endpointHost} is ${facts.endpointKind}`]}
			: undefined,
	(facts, local) => {
		if (!local.inContainer || !local.containerId || !facts.daemonContainerIds) return undefined;
		const id = local.containerId;
		if (!facts.daemonContainerIds.some(known => known.startsWith(id) || id.startsWith(known))) return undefined;
		return {mode: 'socket', containerId: id, evidence: [local.inContainerWhy, 'the daemon lists that container']};
	},
	(facts, local) => {
		if (!local.inContainer) return undefined;
		const evidence = [local.inContainerWhy];
		if (local.dockerdHere) evidence.push('dockerd runs in our PID namespace');
		else if (local.containerId && facts.daemonContainerIds) evidence.push('the daemon does not know our container');
		else return undefined;
		return {mode: 'dind', ...(local.containerId ? {containerId: local.containerId} : {}), evidence};
	},
	(_facts, local) =>
		local.inContainer
			? {mode: 'socket', ...(local.containerId ? {containerId: local.containerId} : {}), evidence: [local.inContainerWhy, 'dockerd is outside our PID namespace']}
			: undefined,
	(facts, local) => ({mode: 'host', evidence: [local.inContainerWhy, ...(local.dockerdHere ? ['dockerd runs beside us'] : [])]}),
];

/** Decides the mode from the facts: remote, socket, dind, then host. */
export function detectMode(facts: ModeFacts): ModeReport {
	const local = localFacts(facts);
	for (const strategy of strategies) {
		const report = strategy(facts, local);
		if (report) return report;
	}
	throw new Error('unreachable: the host strategy always answers');
}

/** True when detection needs the daemon's container list (we are in a container and know our id). */
export function needsDaemonContainers(facts: Omit<ModeFacts, 'daemonContainerIds'>): boolean {
	if (facts.endpointKind === 'ssh' || (facts.endpointKind === 'tcp' && !isLoopback(facts.endpointHost))) return false;
	return localFacts(facts).containerId !== undefined;
}
