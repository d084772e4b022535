/**
 * The Docker calls behind `deckhand doctor --containers`: inspect the running containers
 * (optionally only those carrying some labels). The rules themselves live in source/engine/doctor.
 */
import type Docker from 'dockerode';
import type {ContainerInspect} from '../engine/doctor/container-rules.js';

/** Inspect JSON of running containers, filtered by `label` filters (`key=value` or `key`). */
export async function inspectRunningContainers(docker: Docker, labels: readonly string[] = []): Promise<ContainerInspect[]> {
	const filters = labels.length > 0 ? JSON.stringify({label: labels}) : undefined;
	const list = await docker.listContainers(filters ? {filters} : {});
	const inspects = await Promise.all(list.map(async item => docker.getContainer(item.Id).inspect().catch(() => undefined)));
	// A container removed between list and inspect is simply gone.
	return inspects.filter((item): item is Docker.ContainerInspectInfo => item !== undefined) as ContainerInspect[];
}
