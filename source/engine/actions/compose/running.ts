/**
 * A running project's dependency graph read from its containers' compose labels, so `down`
 * and `restart` work for stacks started by docker compose (or by deckhand without the file).
 */
import type {ContainerRef as ProjectContainer} from '../../containers/resolve.js';
import type {DependsOnCondition} from '../../compose/types.js';
import {Label} from '../../labels.js';
import type {DependencyGraph} from '../../plan/graph.js';
import {parseDependsOnLabel} from './spec.js';

/** A project's services as found on the engine. */
export type RunningProject = DependencyGraph & {
	/** service → its containers. */
	readonly containers: Readonly<Record<string, readonly ProjectContainer[]>>;
};

/** Groups one-off-free containers by service and reads depends_on from their labels. */
export function runningProject(containers: readonly ProjectContainer[]): RunningProject {
	const byService: Record<string, ProjectContainer[]> = {};
	const services: Record<string, {dependsOn: Record<string, {condition: DependsOnCondition}>}> = {};
	for (const container of containers) {
		if (container.labels[Label.composeOneoff] === 'True') continue;
		const name = container.labels[Label.composeService];
		if (!name) continue;
		(byService[name] ??= []).push(container);
		services[name] ??= {
			dependsOn: Object.fromEntries(parseDependsOnLabel(container.labels[Label.composeDependsOn]).map(d => [d.service, {condition: d.condition as DependsOnCondition}])),
		};
	}
	// Dependencies that have no container (removed by hand) cannot gate anything.
	for (const service of Object.values(services)) for (const name of Object.keys(service.dependsOn)) if (!services[name]) delete service.dependsOn[name];
	return {services, containers: byService};
}

/** Services that depend on any of `targets`, transitively (targets excluded). */
export function dependentsOf(graph: DependencyGraph, targets: readonly string[]): string[] {
	const found = new Set<string>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const [name, service] of Object.entries(graph.services)) {
			if (found.has(name) || targets.includes(name)) continue;
			if (Object.keys(service.dependsOn).some(d => targets.includes(d) || found.has(d))) {
				found.add(name);
				grew = true;
			}
		}
	}
	return [...found].sort();
}
