/**
 * Which containers `deckhand wait SERVICE...` means, pure: a name matches a container name or
 * a compose service (of the project, when one is given). Names that match neither may be Swarm
 * services, which are waited on by their tasks (see source/engine/swarm), not by container.
 * One-off containers and finished Swarm tasks are never waited on.
 */
import {Label} from '../labels.js';

import type {ContainerRef} from '../containers/resolve.js';

/** A container as listed (the resolver's one shape). */
export type ListedContainer = ContainerRef;

/** What to wait on, and the names that matched nothing. */
export type Selection = {readonly targets: ListedContainer[]; readonly unknown: string[]; readonly ambiguous: string[]};

const waitable = (c: ListedContainer) =>
	c.labels[Label.composeOneoff] !== 'True' && !(c.labels[Label.swarmTaskId] && c.state !== 'running') && c.state !== 'dead' && c.state !== 'removing';

/** The service a container belongs to, for grouping and messages. */
export const serviceOf = (c: ListedContainer): string => c.labels[Label.composeService] ?? c.labels[Label.swarmServiceName] ?? c.name;

/**
 * Picks the containers for `names` (every waitable container of `project` when no name is
 * given). A compose service name that exists in several projects is ambiguous without -p.
 */
export function selectWaitTargets(containers: readonly ListedContainer[], names: readonly string[], project?: string): Selection {
	const inProject = (c: ListedContainer) => !project || c.labels[Label.composeProject] === project || c.labels[Label.stackNamespace] === project;
	const candidates = containers.filter(c => waitable(c) && inProject(c));
	if (names.length === 0) return {targets: candidates, unknown: [], ambiguous: []};
	const targets = new Map<string, ListedContainer>();
	const unknown: string[] = [];
	const ambiguous: string[] = [];
	for (const name of names) {
		const byContainer = candidates.filter(c => c.name === name);
		const byService = candidates.filter(c => c.labels[Label.composeService] === name);
		const matched = byContainer.length > 0 ? byContainer : byService;
		if (matched.length === 0) unknown.push(name);
		else if (!project && byContainer.length === 0 && new Set(matched.map(c => c.labels[Label.composeProject])).size > 1) ambiguous.push(name);
		else for (const c of matched) targets.set(c.id, c);
	}
	return {targets: [...targets.values()], unknown, ambiguous};
}
