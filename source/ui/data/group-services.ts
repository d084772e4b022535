/**
 * Groups containers into services by their compose or stack labels (pure). A container
 * with neither label is standalone and stays in the Containers panel.
 */
import {Label} from '../../engine/labels.js';
import {worstHealth} from '../../engine/model/services.js';
import {problemRank} from '../view/problems.js';
import type {ContainerView, ServiceView} from '../view/types.js';

const stateRank = (state: string) => (state === 'running' ? 0 : state === 'restarting' ? 2 : state === 'paused' ? 1 : 3);

/** The project and service a container belongs to, if any (compose first, then Swarm stack). */
export function serviceOf(labels: Readonly<Record<string, string>>): {project: string; service: string} | undefined {
	if (labels[Label.composeOneoff] === 'True') return undefined;
	const composeProject = labels[Label.composeProject];
	const composeService = labels[Label.composeService];
	if (composeProject && composeService) return {project: composeProject, service: composeService};
	const stack = labels[Label.stackNamespace];
	const swarmService = labels[Label.swarmServiceName];
	if (swarmService) return {project: stack ?? 'swarm', service: stack && swarmService.startsWith(`${stack}_`) ? swarmService.slice(stack.length + 1) : swarmService};
	return undefined;
}

/** Services from containers: replicas running/desired, worst health and state, summed CPU and memory. */
export function groupServices(containers: readonly ContainerView[], isSwarmTask: (container: ContainerView) => boolean = () => false): ServiceView[] {
	const groups = new Map<string, ContainerView[]>();
	for (const container of containers) {
		if (!container.project || !container.service) continue;
		const key = `${container.project}\u0000${container.service}`;
		groups.set(key, [...(groups.get(key) ?? []), container]);
	}
	return [...groups.values()].map(members => {
		// Swarm keeps exited tasks around; they are history, not replicas.
		const replicas = members.filter(member => !isSwarmTask(member) || member.state === 'running');
		const shown = replicas.length > 0 ? replicas : members;
		const running = shown.filter(member => member.state === 'running');
		const sum = (pick: (member: ContainerView) => number | undefined) => (running.some(member => pick(member) !== undefined) ? running.reduce((total, member) => total + (pick(member) ?? 0), 0) : undefined);
		return {
			project: members[0]!.project!,
			name: members[0]!.service!,
			containerIds: shown.map(member => member.id),
			running: running.length,
			desired: shown.length,
			...(members.some(isSwarmTask) ? {swarm: true} : {}),
			health: worstHealth(running.map(member => member.health)),
			state: shown.map(member => member.state).sort((a, b) => stateRank(a) - stateRank(b))[0] ?? 'exited',
			cpuPercent: sum(member => member.cpuPercent),
			memoryBytes: sum(member => member.memoryBytes),
			// The row shows the replica that needs a human most (its restarts, exit, uptime).
			worst: [...shown].sort((a, b) => problemRank(a) - problemRank(b))[0],
		};
	});
}
