/**
 * Checks that need the whole project: depends_on names, cycles, images present locally.
 * Pure except `findMissingImages`, which is given the engine's image list.
 */
import type {ComposeService} from './types.js';

/** A problem tied to a key path. */
export type GraphProblem = {readonly path: Array<string | number>; readonly message: string};

/** Unknown or disabled dependencies. `all` = every service in the file, `active` = after profiles. */
export function findUnknownDependencies(active: Readonly<Record<string, ComposeService>>, all: ReadonlySet<string>): GraphProblem[] {
	const problems: GraphProblem[] = [];
	for (const service of Object.values(active)) {
		for (const [dependency, setting] of Object.entries(service.dependsOn)) {
			if (active[dependency]) continue;
			if (all.has(dependency)) {
				if (setting.required) problems.push({path: ['services', service.name, 'depends_on', dependency], message: `service ${service.name} depends on ${dependency}, which is not enabled by the active profiles`});
			} else {
				problems.push({path: ['services', service.name, 'depends_on', dependency], message: `service ${service.name} depends on unknown service "${dependency}"`});
			}
		}
	}
	return problems;
}

/** The first dependency cycle as a list `[a, b, c, a]`, or undefined. Deterministic (sorted names). */
export function findCycle(services: Readonly<Record<string, {readonly dependsOn: Readonly<Record<string, unknown>>}>>): string[] | undefined {
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (name: string): string[] | undefined => {
		if (state.get(name) === 'done' || !services[name]) return undefined;
		if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
		state.set(name, 'visiting');
		stack.push(name);
		for (const dependency of Object.keys(services[name]!.dependsOn).sort()) {
			const cycle = visit(dependency);
			if (cycle) return cycle;
		}
		stack.pop();
		state.set(name, 'done');
		return undefined;
	};
	for (const name of Object.keys(services).sort()) {
		const cycle = visit(name);
		if (cycle) return cycle;
	}
	return undefined;
}

/** Normalises an image reference for comparison with `RepoTags` (`busybox` → `busybox:latest`). */
export function imageKey(reference: string): string {
	if (reference.includes('@')) return reference;
	const lastSlash = reference.lastIndexOf('/');
	return reference.slice(lastSlash + 1).includes(':') ? reference : `${reference}:latest`;
}

/** Services whose image is neither a local tag nor a local id/digest. Never pulls. */
export function findMissingImages(services: Readonly<Record<string, ComposeService>>, local: ReadonlyArray<{readonly RepoTags?: string[] | null; readonly RepoDigests?: string[] | null; readonly Id: string}>): GraphProblem[] {
	const known = new Set<string>();
	for (const image of local) {
		for (const tag of image.RepoTags ?? []) known.add(tag);
		for (const digest of image.RepoDigests ?? []) known.add(digest);
		known.add(image.Id);
		known.add(image.Id.replace(/^sha256:/, ''));
	}
	const problems: GraphProblem[] = [];
	for (const service of Object.values(services)) {
		if (!service.image) {
			problems.push({path: ['services', service.name], message: `service ${service.name} has no image (build: is not supported)`});
		} else if (!known.has(imageKey(service.image)) && !known.has(service.image) && !known.has(`docker.io/${imageKey(service.image)}`)) {
			problems.push({path: ['services', service.name, 'image'], message: `image ${service.image} of service ${service.name} is not present on the engine (deckhand never pulls; docker pull it first)`});
		}
	}
	return problems;
}
