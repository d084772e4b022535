/**
 * The full-screen chart view (key `g`): CPU and memory of the services, drawn with
 * blessed-contrib, which is imported only when the view opens. Runs in its own process
 * (chart-process.ts), so blessed owns the terminal alone while it is shown.
 */
import type {ConsoleSource} from '../view/types.js';
import {chartSeries, chartSubject, chartWatchIds} from './chart-series.js';

const seriesColors = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'];

/** Options of the chart view. */
export type ChartViewOptions = {
	readonly source: ConsoleSource;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/** False under NO_COLOR / TERM=dumb: every line drawn in the default colour. */
	readonly color: boolean;
	readonly refreshMs?: number;
};

/** Shows the charts until q, escape or g; resolves once the terminal is restored. */
export async function showChartView(options: ChartViewOptions): Promise<void> {
	const [{default: blessed}, {default: contrib}] = await Promise.all([import('blessed'), import('blessed-contrib')]);
	const {source, stdin, stdout} = options;
	// blessed installs stdin listeners (a keypress decoder) that outlive screen.destroy();
	// remember what was there so exactly those can be removed afterwards.
	const events = ['data', 'keypress', 'newListener', 'readable'] as const;
	const before = new Map(events.map(event => [event, new Set(stdin.listeners(event))]));
	const screen = blessed.screen({input: stdin, output: stdout, smartCSR: true, title: 'deckhand charts', warnings: false});
	const grid = new contrib.grid({rows: 12, cols: 12, screen});
	const lineOptions = (label: string) => ({label, showLegend: true, legend: {width: 18}, wholeNumbersOnly: false, style: {text: 'white', baseline: 'white'}});
	const cpu = grid.set(0, 0, 6, 12, contrib.line, lineOptions(' CPU % (q, esc or g returns) '));
	const memory = grid.set(6, 0, 6, 12, contrib.line, lineOptions(' Memory MiB '));
	const paint = (series: Array<{title: string; x: string[]; y: number[]}>, index: number) =>
		series.map((entry, position) => ({...entry, style: {line: options.color ? seriesColors[(position + index) % seriesColors.length] : 'white'}}));
	const draw = () => {
		const view = source.snapshot();
		const ids = chartWatchIds(view);
		if (ids) source.watchStats?.(ids);
		const subject = chartSubject(view);
		cpu.setLabel?.(` CPU % by ${subject} (q, esc or g returns) `);
		memory.setLabel?.(` Memory MiB by ${subject} `);
		const data = chartSeries(view, id => source.statsHistory?.(id) ?? []);
		const empty = [{title: 'waiting', x: ['0'], y: [0]}];
		cpu.setData(data.cpu.length > 0 ? paint(data.cpu, 0) : empty);
		memory.setData(data.memory.length > 0 ? paint(data.memory, 0) : empty);
		screen.render();
	};
	draw();
	const timer = setInterval(draw, options.refreshMs ?? 1000);
	await new Promise<void>(resolve => {
		screen.key(['q', 'escape', 'g', 'C-c'], () => resolve());
		screen.on('resize', draw);
	});
	clearInterval(timer);
	screen.destroy();
	for (const event of events) {
		for (const listener of stdin.listeners(event)) if (!before.get(event)!.has(listener)) stdin.removeListener(event, listener as (...parameters: unknown[]) => void);
	}
	// Raw mode off and paused: Ink switches both on again when it mounts.
	if (stdin.isTTY) stdin.setRawMode(false);
	stdin.pause();
}
