/**
 * The order things stop in, pure: levels of the reverse dependency graph. Level 0 holds the
 * services nothing (still running) depends on; each next level the services whose dependents
 * are all in earlier levels. Everything in one level stops together; a service never stops
 * before a service that depends on it.
 */
import type {DependencyGraph} from './graph.js';

/**
 * Splits `services` (default: all of the graph's) into stop levels. Dependencies outside the
 * set are ignored (they keep running); a cycle, which the loader rejects anyway, is broken by
 * stopping what is left together. Names within a level are sorted.
 */
export function stopLevels(graph: DependencyGraph, services: readonly string[] = Object.keys(graph.services)): string[][] {
	const remaining = new Set(services);
	const levels: string[][] = [];
	while (remaining.size > 0) {
		// A service can stop once no remaining service depends on it.
		const level = [...remaining].filter(name => ![...remaining].some(other => other !== name && name in (graph.services[other]?.dependsOn ?? {}))).sort();
		const next = level.length > 0 ? level : [...remaining].sort();
		for (const name of next) remaining.delete(name);
		levels.push(next);
	}
	return levels;
}
