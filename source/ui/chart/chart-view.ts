/**
 * The full-screen chart view (key `g`): CPU and memory of the services, drawn with
 * blessed-contrib, which is imported only when the view opens. Runs in its own process
 * (chart-process.ts), so blessed owns the terminal alone while it is shown.
 */
import {createRequire} from 'node:module';
import type {ConsoleSource} from '../view/types.js';
import {chartSeries, chartSubject, chartWatchIds} from './chart-series.js';

const seriesColors = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'];

/** The smallest terminal the two charts are drawn in. */
export const minimumSize = {columns: 30, rows: 10} as const;

/** True when a terminal of this size can show the charts. */
export const chartsFit = (columns: number, rows: number): boolean => columns >= minimumSize.columns && rows >= minimumSize.rows;

type ChartWidget = {hidden: boolean; setData(data: unknown): void; setLabel?(label: string): void};

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
	// Loaded with a plain synchronous require: through import() the chart process was sometimes
	// handed blessed's exports half-built (an empty object, no \`screen\`) while its event loop
	// was busy with the engine's streams.
	const load = createRequire(import.meta.url);
	const blessed = load('blessed') as (typeof import('blessed'))['default'];
	const contrib = load('blessed-contrib') as (typeof import('blessed-contrib'))['default'];
	const {source, stdin, stdout} = options;
	// blessed installs stdin listeners (a keypress decoder) that outlive screen.destroy();
	// remember what was there so exactly those can be removed afterwards.
	const events = ['data', 'keypress', 'newListener', 'readable'] as const;
	const before = new Map(events.map(event => [event, new Set(stdin.listeners(event))]));
	const screen = blessed.screen({input: stdin, output: stdout, smartCSR: true, title: 'deckhand charts', warnings: false});
	// blessed-contrib's canvas throws (RangeError) below a few cells; draw the charts only
	// when they fit and say so otherwise, on start and after every resize.
	const notice = blessed.box({parent: screen, top: 0, left: 0, width: '100%', height: '100%', content: `charts need ${minimumSize.columns}x${minimumSize.rows} (q returns)`, hidden: true});
	let charts: {cpu: ChartWidget; memory: ChartWidget} | undefined;
	const lineOptions = (label: string) => ({label, showLegend: true, legend: {width: 18}, wholeNumbersOnly: false, style: {text: 'white', baseline: 'white'}});
	const paint = (series: Array<{title: string; x: string[]; y: number[]}>, index: number) =>
		series.map((entry, position) => ({...entry, style: {line: options.color ? seriesColors[(position + index) % seriesColors.length] : 'white'}}));
	const draw = () => {
		const fits = chartsFit(Number(screen.width), Number(screen.height));
		notice.hidden = fits;
		if (fits && !charts) {
			const grid = new contrib.grid({rows: 12, cols: 12, screen});
			charts = {
				cpu: grid.set(0, 0, 6, 12, contrib.line, lineOptions(' CPU % (q, esc or g returns) ')) as ChartWidget,
				memory: grid.set(6, 0, 6, 12, contrib.line, lineOptions(' Memory MiB ')) as ChartWidget,
			};
		}
		if (charts) {
			charts.cpu.hidden = !fits;
			charts.memory.hidden = !fits;
		}
		if (fits && charts) {
			const view = source.snapshot();
			const ids = chartWatchIds(view);
			if (ids) source.watchStats?.(ids);
			const subject = chartSubject(view);
			charts.cpu.setLabel?.(` CPU % by ${subject} (q, esc or g returns) `);
			charts.memory.setLabel?.(` Memory MiB by ${subject} `);
			const data = chartSeries(view, id => source.statsHistory?.(id) ?? []);
			const empty = [{title: 'waiting', x: ['0'], y: [0]}];
			charts.cpu.setData(data.cpu.length > 0 ? paint(data.cpu, 0) : empty);
			charts.memory.setData(data.memory.length > 0 ? paint(data.memory, 0) : empty);
		}
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
