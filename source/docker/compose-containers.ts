/**
 * The Docker calls behind `up`/`down`/`restart` of compose projects: list a project's
 * containers, create/start/stop/remove them, networks and volumes, images, health events,
 * exit waits. Everything else (what to create, in which order) is decided in source/engine.
 */
import type Docker from 'dockerode';
import {watchContainerEvents} from './events.js';

/** One container of a project, as listed. */
export type ProjectContainer = {
	readonly id: string;
	readonly name: string;
	readonly state: string;
	readonly labels: Readonly<Record<string, string>>;
};

const composeProject = 'com.docker.compose.project';

/** Containers labelled with the compose project (running or not). */
export async function listProjectContainers(docker: Docker, project: string): Promise<ProjectContainer[]> {
	const list = await docker.listContainers({all: true, filters: JSON.stringify({label: [`${composeProject}=${project}`]})});
	return list.map(c => ({id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), state: c.State, labels: c.Labels ?? {}}));
}

/** Local images (for the "missing image" check; never pulls). */
export async function listLocalImages(docker: Docker): Promise<Array<{RepoTags?: string[] | null; RepoDigests?: string[] | null; Id: string}>> {
	return docker.listImages();
}

/** Creates a container; returns its id. */
export async function createContainer(docker: Docker, options: Docker.ContainerCreateOptions): Promise<string> {
	return (await docker.createContainer(options)).id;
}

/** Starts a container; already running is fine. */
export async function startContainerById(docker: Docker, id: string): Promise<void> {
	await docker.getContainer(id).start().catch((error: {statusCode?: number}) => {
		if (error.statusCode !== 304) throw error;
	});
}

/** Stops a container (grace period in seconds; default: the container's own StopTimeout); already stopped is fine. */
export async function stopContainerById(docker: Docker, id: string, seconds?: number): Promise<void> {
	await docker.getContainer(id).stop(seconds === undefined ? {} : {t: seconds}).catch((error: {statusCode?: number}) => {
		if (error.statusCode !== 304) throw error;
	});
}

/** Removes a container (and its anonymous volumes when `volumes`). */
export async function removeContainerById(docker: Docker, id: string, volumes = false): Promise<void> {
	await docker.getContainer(id).remove({force: true, v: volumes}).catch((error: {statusCode?: number}) => {
		if (error.statusCode !== 404) throw error;
	});
}

/** The fields of an inspect that readiness needs. */
export type ContainerStatus = {
	readonly running: boolean;
	readonly status: string;
	readonly exitCode: number;
	readonly startedAt: string;
	readonly health?: {readonly status: string; readonly failingStreak: number; readonly lastOutput?: string; readonly lastExitCode?: number};
};

/** Inspects a container's state. */
export async function containerStatus(docker: Docker, id: string): Promise<ContainerStatus> {
	const info = await docker.getContainer(id).inspect();
	const health = info.State.Health as {Status: string; FailingStreak: number; Log?: Array<{Output: string; ExitCode: number}>} | undefined;
	const last = health?.Log?.at(-1);
	return {
		running: info.State.Running,
		status: info.State.Status,
		exitCode: info.State.ExitCode,
		startedAt: info.State.StartedAt,
		// Podman reports `Health: {Status: ""}` for a container without a healthcheck.
		health: health?.Status ? {status: health.Status, failingStreak: health.FailingStreak, lastOutput: last?.Output.trim(), lastExitCode: last?.ExitCode} : undefined,
	};
}

/**
 * Calls `onEvent` for each health_status / die event of a container until `signal` aborts.
 * Resolves once the subscription is live, so an inspect right after misses nothing.
 */
export async function watchContainer(docker: Docker, id: string, signal: AbortSignal, onEvent: (event: {status: string}) => void): Promise<void> {
	await watchContainerEvents(docker, id, ['health_status', 'die'], signal, event => onEvent({status: event.action}));
}

/** Restarts a container (grace period from the container's StopTimeout). */
export async function restartContainerById(docker: Docker, id: string): Promise<void> {
	await docker.getContainer(id).restart();
}

/** Waits for a container to exit; returns its exit code. */
export async function waitForExit(docker: Docker, id: string): Promise<number> {
	const result = (await docker.getContainer(id).wait()) as {StatusCode: number};
	return result.StatusCode;
}

/** The last lines of a container's output (stdout+stderr, demultiplexed roughly). */
export async function tailLogs(docker: Docker, id: string, lines = 5): Promise<string> {
	const raw = (await docker.getContainer(id).logs({stdout: true, stderr: true, tail: lines, follow: false})) as unknown as Buffer;
	const out: string[] = [];
	// Multiplexed frames: 8-byte header (stream, 0, 0, 0, size32) then payload.
	for (let i = 0; i + 8 <= raw.length; ) {
		const size = raw.readUInt32BE(i + 4);
		out.push(raw.subarray(i + 8, i + 8 + size).toString('utf8'));
		i += 8 + size;
	}
	return (out.length > 0 ? out.join('') : raw.toString('utf8')).trim();
}

/** Creates a network unless it exists (by name). */
export async function ensureNetwork(docker: Docker, name: string, labels: Record<string, string>, driver?: string): Promise<void> {
	const existing = await docker.listNetworks({filters: JSON.stringify({name: [name]})});
	if (existing.some(n => n.Name === name)) return;
	await docker.createNetwork({Name: name, Driver: driver ?? 'bridge', Labels: labels, CheckDuplicate: true});
}

/** Creates a named volume unless it exists. */
export async function ensureVolume(docker: Docker, name: string, labels: Record<string, string>, driver?: string): Promise<void> {
	await docker.createVolume({Name: name, Driver: driver ?? 'local', Labels: labels});
}

/** Removes networks / volumes labelled with the project; returns the names removed. */
export async function removeProjectResources(docker: Docker, project: string, volumes: boolean): Promise<string[]> {
	const filters = JSON.stringify({label: [`${composeProject}=${project}`]});
	const removed: string[] = [];
	for (const network of await docker.listNetworks({filters})) {
		await docker.getNetwork(network.Id).remove().then(() => removed.push(network.Name), () => undefined);
	}
	if (volumes) {
		for (const volume of (await docker.listVolumes({filters})).Volumes ?? []) {
			await docker.getVolume(volume.Name).remove().then(() => removed.push(volume.Name), () => undefined);
		}
	}
	return removed;
}
