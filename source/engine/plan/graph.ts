/**
 * A compose project as a dependency graph of steps, pure. Each service gets a `start` step and
 * then either a `ready` step (running + its probes/healthcheck hold) or, when a dependent asks
 * for `service_completed_successfully`, a `complete` step (the one-shot job exited 0).
 * A dependent's `start` waits on exactly the step its condition names, so nothing waits in waves.
 */
import {UsageError} from '../errors.js';
import type {DependsOnCondition} from '../compose/types.js';

/** The part of a project a plan needs: who depends on whom, under which condition. */
export type DependencyGraph = {
	readonly services: Readonly<Record<string, {readonly dependsOn: Readonly<Record<string, {readonly condition: DependsOnCondition}>>}>>;
};

/** What a step does. */
export type StepKind = 'start' | 'ready' | 'complete';

/** One node of the plan. `after` lists step ids that must have succeeded first. */
export type PlanStep = {
	readonly id: string;
	readonly service: string;
	readonly kind: StepKind;
	readonly after: readonly string[];
};

/** A startup plan: steps (in a valid topological order) and the services it covers. */
export type StartupPlan = {
	readonly steps: readonly PlanStep[];
	/** Services in dependency order (dependencies first). */
	readonly services: readonly string[];
};

/** The step id for a service and kind, e.g. `start:db`. */
export const stepId = (kind: StepKind, service: string): string => `${kind}:${service}`;

const gateFor: Record<DependsOnCondition, StepKind> = {
	service_started: 'start',
	service_healthy: 'ready',
	service_completed_successfully: 'complete',
};

/** Services in dependency order; `only` restricts to those and (transitively) their dependencies. */
export function dependencyOrder(project: DependencyGraph, only?: readonly string[], includeDependencies = true): string[] {
	for (const name of only ?? []) if (!project.services[name]) throw new UsageError(`no such service: ${name} (have ${Object.keys(project.services).join(', ')})`);
	const order: string[] = [];
	const seen = new Set<string>();
	const visit = (name: string) => {
		if (seen.has(name) || !project.services[name] || (!includeDependencies && only && !only.includes(name))) return;
		seen.add(name);
		for (const dependency of Object.keys(project.services[name]!.dependsOn).sort()) visit(dependency);
		order.push(name);
	};
	for (const name of only && only.length > 0 ? only : Object.keys(project.services).sort()) visit(name);
	return order;
}

/**
 * Builds the startup plan. `includeDependencies: false` plans exactly `services` (restart uses
 * it: the rest is running). Cycles were rejected by the loader; dependencyOrder tolerates them anyway).
 */
export function planStartup(project: DependencyGraph, options: {readonly services?: readonly string[]; readonly includeDependencies?: boolean} = {}): StartupPlan {
	const services = dependencyOrder(project, options.services, options.includeDependencies ?? true);
	const jobs = new Set<string>();
	for (const name of services) {
		for (const [dependency, setting] of Object.entries(project.services[name]!.dependsOn)) {
			if (setting.condition === 'service_completed_successfully') jobs.add(dependency);
		}
	}
	const steps: PlanStep[] = [];
	for (const name of services) {
		const after = Object.entries(project.services[name]!.dependsOn)
			.filter(([dependency]) => services.includes(dependency))
			.map(([dependency, setting]) => {
				const kind = gateFor[setting.condition];
				// A job's "ready" is its completion; a healthy gate on a job waits for completion too.
				return stepId(jobs.has(dependency) && kind === 'ready' ? 'complete' : kind, dependency);
			})
			.sort();
		steps.push({id: stepId('start', name), service: name, kind: 'start', after});
		steps.push(jobs.has(name) ? {id: stepId('complete', name), service: name, kind: 'complete', after: [stepId('start', name)]} : {id: stepId('ready', name), service: name, kind: 'ready', after: [stepId('start', name)]});
	}
	return {steps, services};
}

/** The longest chain of `durations` (by step id, missing = 0) through the plan: the ideal wall time. */
export function criticalPath(plan: StartupPlan, durations: Readonly<Record<string, number>>): number {
	const finish = new Map<string, number>();
	for (const step of plan.steps) {
		const start = Math.max(0, ...step.after.map(id => finish.get(id) ?? 0));
		finish.set(step.id, start + (durations[step.id] ?? 0));
	}
	return Math.max(0, ...finish.values());
}
