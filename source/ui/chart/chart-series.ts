/**
 * The chart view's data, pure: per service, CPU and memory over time from the stats
 * history of its containers, the busiest services first.
 */
import {sanitizeName} from '../../engine/text/sanitize.js';
import type {ConsoleView, StatsSample} from '../view/types.js';

/** One line of a blessed-contrib chart. */
export type ChartSeries = {readonly title: string; readonly x: string[]; readonly y: number[]};

/** The ids whose stats the chart needs: every container of the services (and standalone ones). */
export const chartContainerIds = (view: ConsoleView, limit = 40): string[] =>
	[...view.services.flatMap(service => service.containerIds), ...view.containers.filter(container => !container.service && container.state === 'running').map(container => container.id)].slice(0, limit);

/** What the chart lists, for its titles: `service`, `container`, or `service and container`. */
export function chartSubject(view: ConsoleView): string {
	const services = view.services.length > 0;
	const containers = view.containers.some(container => !container.service && container.state === 'running');
	return services && containers ? 'service and container' : containers ? 'container' : 'service';
}

/**
 * The ids to stream stats for, or undefined while the model has not listed anything yet:
 * watching nothing would drop the history the chart was seeded with.
 */
export const chartWatchIds = (view: ConsoleView): string[] | undefined => {
	const ids = chartContainerIds(view);
	return ids.length > 0 ? ids : undefined;
};

/**
 * CPU % and memory MiB series for up to `maxSeries` services, summed over their containers
 * per sample slot (aligned from the newest sample backwards), x labels as seconds ago.
 */
export function chartSeries(view: ConsoleView, history: (id: string) => readonly StatsSample[], maxSeries = 6, points = 60): {cpu: ChartSeries[]; memory: ChartSeries[]} {
	const groups = [
		...view.services.map(service => ({title: sanitizeName(service.name, 14), ids: service.containerIds})),
		...view.containers.filter(container => !container.service && container.state === 'running').map(container => ({title: sanitizeName(container.name, 14), ids: [container.id]})),
	];
	const summed = groups.map(group => {
		const cpu = new Array<number>(points).fill(0);
		const memory = new Array<number>(points).fill(0);
		for (const id of group.ids) {
			const samples = history(id).slice(-points);
			samples.forEach((sample, index) => {
				const slot = points - samples.length + index;
				cpu[slot]! += sample.cpuPercent;
				memory[slot]! += sample.memoryBytes / 1024 / 1024;
			});
		}
		return {title: group.title, cpu, memory, load: cpu.slice(-5).reduce((a, b) => a + b, 0)};
	});
	const busiest = summed.sort((a, b) => b.load - a.load).slice(0, maxSeries);
	const x = Array.from({length: points}, (_, index) => `${points - 1 - index}`);
	const round = (value: number) => Math.round(value * 10) / 10;
	return {
		cpu: busiest.map(entry => ({title: entry.title, x, y: entry.cpu.map(round)})),
		memory: busiest.map(entry => ({title: entry.title, x, y: entry.memory.map(round)})),
	};
}
