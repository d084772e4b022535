/**
 * Which containers `deckhand logs SERVICE` means, pure: a container name, an id prefix, or a
 * compose (or Swarm) service name, whose replicas are all followed.
 */
import {compareText} from '../text/compare.js';

/** What resolution needs of a container (a `docker ps -a` row). */
export type ContainerRef = {
	readonly id: string;
	/** Names as Docker lists them, with or without the leading `/`. */
	readonly names: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
};

/** One container to show, with the label that prefixes its lines when there are several. */
export type LogTarget = {readonly id: string; readonly label: string};

/** The outcome: the containers, nothing by that name, or an id prefix that fits several. */
export type Resolution =
	| {readonly kind: 'found'; readonly targets: readonly LogTarget[]}
	| {readonly kind: 'unknown'}
	| {readonly kind: 'ambiguous'; readonly candidates: readonly string[]};

const nameOf = (container: ContainerRef) => (container.names[0] ?? container.id.slice(0, 12)).replace(/^\//, '');
const toTarget = (container: ContainerRef): LogTarget => ({id: container.id, label: nameOf(container)});

/** Resolves `query` the way an operator means it: exact name, then id prefix, then service name. */
export function resolveLogTargets(containers: readonly ContainerRef[], query: string): Resolution {
	const wanted = query.replace(/^\//, '');
	const byName = containers.find(container => container.names.some(name => name.replace(/^\//, '') === wanted));
	if (byName) return {kind: 'found', targets: [toTarget(byName)]};

	if (/^[0-9a-f]+$/i.test(wanted)) {
		const byId = containers.filter(container => container.id.startsWith(wanted.toLowerCase()));
		if (byId.length === 1) return {kind: 'found', targets: [toTarget(byId[0]!)]};
		if (byId.length > 1) return {kind: 'ambiguous', candidates: byId.map(nameOf).sort()};
	}

	const replicas = containers
		.filter(container => container.labels['com.docker.compose.service'] === wanted || container.labels['com.docker.swarm.service.name'] === wanted)
		.map(toTarget)
		.sort((a, b) => compareText(a.label, b.label, {numeric: true}));
	return replicas.length > 0 ? {kind: 'found', targets: replicas} : {kind: 'unknown'};
}
