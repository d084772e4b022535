/**
 * The Docker reads and writes the console needs besides the engine's shared modules (live
 * model, stats hub, log follower), as plain data: engine facts, resources, inspect, top and
 * container lifecycle, as small capability functions.
 */
import type Docker from 'dockerode';

/** Engine facts for the header. */
export type EngineFacts = {readonly version: string; readonly swarm: string};

/** A named resource (image, volume, network). */
export type ResourceFacts = {readonly id: string; readonly name: string; readonly detail: string};

/** Version and swarm state. */
export async function readEngineFacts(docker: Docker): Promise<EngineFacts> {
	const [version, info] = await Promise.all([docker.version(), docker.info()]);
	return {version: version.Version, swarm: String(info?.Swarm?.LocalNodeState ?? 'inactive')};
}

/** Images, volumes and networks, as short rows. */
export async function listResources(docker: Docker): Promise<{images: ResourceFacts[]; volumes: ResourceFacts[]; networks: ResourceFacts[]}> {
	const [images, volumes, networks] = await Promise.all([docker.listImages(), docker.listVolumes(), docker.listNetworks()]);
	return {
		images: images.map(image => ({id: image.Id, name: image.RepoTags?.[0] ?? image.Id.slice(7, 19), detail: `${(image.Size / 1024 / 1024).toFixed(1)}M`})),
		volumes: (volumes.Volumes ?? []).map(volume => ({id: volume.Name, name: volume.Name, detail: volume.Driver})),
		networks: networks.map(network => ({id: network.Id, name: network.Name, detail: network.Driver})),
	};
}

/** The raw inspect result of a container. */
export const inspectContainer = (docker: Docker, id: string): Promise<Docker.ContainerInspectInfo> => docker.getContainer(id).inspect();

/** `ps` inside a container. */
export async function topContainer(docker: Docker, id: string): Promise<{titles: string[]; processes: string[][]}> {
	const result = (await docker.getContainer(id).top()) as {Titles?: string[]; Processes?: string[][]};
	return {titles: result.Titles ?? [], processes: result.Processes ?? []};
}

/** Runs one lifecycle call on a container: start, stop (graceful, `timeoutSeconds`) or restart. */
export async function containerLifecycle(docker: Docker, id: string, action: 'start' | 'stop' | 'restart', timeoutSeconds = 10): Promise<void> {
	const container = docker.getContainer(id);
	try {
		if (action === 'start') await container.start();
		else if (action === 'stop') await container.stop({t: timeoutSeconds});
		else await container.restart({t: timeoutSeconds});
	} catch (error) {
		// 304: already started/stopped; the wanted state holds, which is what the caller asked for.
		if ((error as {statusCode?: number}).statusCode === 304) return;
		throw error;
	}
}
