/**
 * A compose service's numbered replicas, as compose numbers them (`<project>-<service>-<n>`,
 * label `com.docker.compose.container-number`): which existing containers to keep, which
 * numbers to create, which containers to remove. Pure; `up` and `scale` both plan through here.
 */
import type {ContainerRef} from '../../containers/resolve.js';
import {Label} from '../../labels.js';
import {compareText} from '../../text/compare.js';

/** An existing container of a service with its replica number. */
export type NumberedContainer = ContainerRef & {readonly number: number};

/** What reaching a replica count takes. */
export type ReplicaPlan<T> = {
	/** Containers that stay, lowest number first. */
	readonly keep: readonly T[];
	/** Numbers of the containers to create, ascending. */
	readonly create: readonly number[];
	/** Containers to stop and remove, highest number first. */
	readonly remove: readonly T[];
};

/** The container-number label as a number; missing or malformed counts as 1 (a hand-made single container). */
export function replicaNumber(labels: Readonly<Record<string, string>>): number {
	const text = labels[Label.composeNumber];
	return text !== undefined && /^[1-9]\d*$/.test(text) ? Number(text) : 1;
}

/** The service's own containers in a project listing (one-off `run` containers excluded), lowest number first. */
export function serviceReplicas(containers: readonly ContainerRef[], service: string): NumberedContainer[] {
	return containers
		.filter(c => c.labels[Label.composeService] === service && c.labels[Label.composeOneoff] !== 'True')
		.map(c => ({...c, number: replicaNumber(c.labels)}))
		.sort((a, b) => a.number - b.number || compareText(a.name, b.name));
}

/**
 * Keeps the `wanted` lowest-numbered containers (one per number), creates the lowest free numbers
 * for the rest, and removes everything else, highest number first (compose removes from the top).
 */
export function planReplicas<T extends {readonly number: number}>(existing: readonly T[], wanted: number): ReplicaPlan<T> {
	const sorted = [...existing].sort((a, b) => a.number - b.number);
	const keep: T[] = [];
	const remove: T[] = [];
	const used = new Set<number>();
	for (const container of sorted) {
		if (keep.length < wanted && !used.has(container.number)) {
			keep.push(container);
			used.add(container.number);
		} else remove.push(container);
	}
	const create: number[] = [];
	for (let number = 1; keep.length + create.length < wanted; number++) if (!used.has(number)) create.push(number);
	return {keep, create, remove: remove.reverse()};
}

/** One line for what happened to a service's replicas: `unchanged`, or `2 unchanged, 1 created, 1 removed`. */
export function summariseActions(actions: readonly string[], removed: number): string {
	const distinct = [...new Set(actions)];
	if (removed === 0 && distinct.length === 1) return distinct[0]!;
	if (removed === 0 && distinct.length === 0) return 'no replicas';
	const counts = distinct.map(action => `${actions.filter(a => a === action).length} ${action}`);
	return [...counts, ...(removed > 0 ? [`${removed} removed`] : [])].join(', ');
}
