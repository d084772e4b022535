/**
 * One-shot stats for `deckhand status`: each container's `docker stats --no-stream` figures,
 * asked for in parallel (Docker waits for a second reading so CPU % is meaningful).
 */
import type Docker from 'dockerode';
import {statsFromApi, type DockerStatsJson} from '../engine/stats/from-api.js';
import type {ContainerStats} from '../engine/stats/types.js';

/**
 * The current figures of `ids` (running containers; others are left out of the map).
 * Takes about a second however many containers are asked for.
 */
export async function sampleOnce(docker: Docker, ids: readonly string[], options: {readonly signal?: AbortSignal} = {}): Promise<Map<string, ContainerStats>> {
	const result = new Map<string, ContainerStats>();
	await Promise.all(
		[...new Set(ids)].map(async id => {
			try {
				const json = (await docker.getContainer(id).stats({stream: false, abortSignal: options.signal} as never)) as unknown as DockerStatsJson;
				if (json.read && !json.read.startsWith('0001-')) result.set(id, statsFromApi(id, json));
			} catch {
				// Gone or stopped meanwhile: no figures for it.
			}
		}),
	);
	return result;
}
