/**
 * One-shot stats for `deckhand status`: each container's `docker stats --no-stream` figures,
 * asked for in parallel (Docker waits for a second reading so CPU % is meaningful).
 */
import {setMaxListeners} from 'node:events';
import type {EnginePorts} from '../ports/index.js';
import {statsFromApi} from './from-api.js';
import type {ContainerStats} from './types.js';

/** The current figures of `ids` (running containers; others are left out). About a second however many. */
export async function sampleOnce(ports: Pick<EnginePorts, 'stats'>, ids: readonly string[], options: {readonly signal?: AbortSignal} = {}): Promise<Map<string, ContainerStats>> {
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
			const json = await ports.stats.readOnce(id, local.signal);
			if (json) result.set(id, statsFromApi(id, json));
		}),
	).finally(() => options.signal?.removeEventListener('abort', forward));
	return result;
}
