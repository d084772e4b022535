/** Lists the containers `deckhand wait` may wait on (all states; labels included). */
import type Docker from 'dockerode';
import type {ListedContainer} from '../engine/wait/select.js';

/** Every container on the engine, optionally only one compose project's. */
export async function listWaitCandidates(docker: Docker, project?: string): Promise<ListedContainer[]> {
	const filters = project ? JSON.stringify({label: [`com.docker.compose.project=${project}`]}) : undefined;
	const list = await docker.listContainers({all: true, ...(filters ? {filters} : {})});
	return list.map(c => ({id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), state: c.State, labels: c.Labels ?? {}}));
}
