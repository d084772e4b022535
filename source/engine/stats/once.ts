/**
 * One-shot stats for `deckhand status`: each container's `docker stats --no-stream` figures,
 * asked for in parallel (Docker waits for a second reading so CPU % is meaningful).
 */
import type {EnginePorts} from '../ports/index.js';
import {statsFromApi} from './from-api.js';
import type {ContainerStats} from './types.js';

/** The current figures of `ids` (running containers; others are left out). About a second however many. */
export async function sampleOnce(ports: Pick<EnginePorts, 'stats'>, ids: readonly string[], options: {readonly signal?: AbortSignal} = {}): Promise<Map<string, ContainerStats>> {
	const result = new Map<string, ContainerStats>();
	await Promise.all(
		[...new Set(ids)].map(async id => {
			const json = await ports.stats.readOnce(id, options.signal);
			if (json) result.set(id, statsFromApi(id, json));
		}),
	);
	return result;
}
