/**
 * One-shot stats for `deckhand status`: each container's `docker stats --no-stream` figures,
 * asked for in parallel (Docker waits for a second reading so CPU % is meaningful).
 */
import {setMaxListeners} from 'node:events';
import type Docker from 'dockerode';
import {statsFromApi, type DockerStatsJson} from '../engine/stats/from-api.js';
import type {ContainerStats} from '../engine/stats/types.js';

/**
 * The current figures of `ids` (running containers; others are left out of the map).
 * Takes about a second however many containers are asked for.
 */
export async function sampleOnce(docker: Docker, ids: readonly string[], options: {readonly signal?: AbortSignal} = {}): Promise<Map<string, ContainerStats>> {
	const result = new Map<string, ContainerStats>();
	const unique = [...new Set(ids)];
	// Every request in flight listens for abort, legitimately one listener per container: a
	// local signal sized for them (the caller's gets one listener) keeps Node from warning
	// about a leak with more than 10 containers.
	const local = new AbortController();
	setMaxListeners(unique.length + 10, local.signal);
	const forward = () => local.abort(options.signal?.reason);
	if (options.signal?.aborted) forward();
	else options.signal?.addEventListener('abort', forward, {once: true});
	await Promise.all(
		unique.map(async id => {
			try {
				const json = (await docker.getContainer(id).stats({stream: false, abortSignal: local.signal} as never)) as unknown as DockerStatsJson;
				if (json.read && !json.read.startsWith('0001-')) result.set(id, statsFromApi(id, json));
			} catch {
				// Gone or stopped meanwhile: no figures for it.
			}
		}),
	).finally(() => options.signal?.removeEventListener('abort', forward));
	return result;
}
