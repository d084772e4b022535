/**
 * The left column's panels as data (lazydocker panels): which rows each panel has, in which
 * order, which columns they show at a given width, and which of them match a filter. Pure;
 * every string from the daemon is sanitised here, once, before it can reach a component.
 */
import {sanitizeName} from '../../engine/text/sanitize.js';
import type {ThemeToken} from '../theme/theme.js';
import {alignRight, fit, formatBytes, formatCpu} from './format.js';
import {compareEntries, problemRank, statusCell, type SortEntry, type SortId} from './problems.js';
import type {ConsoleView, ContainerView, Health, ServiceView} from './types.js';
import {compareText} from '../../engine/text/compare.js';

/** The left column's panels, in order (keys 1–6). */
export const panelIds = ['engine', 'services', 'containers', 'images', 'volumes', 'networks'] as const;

/** One left-column panel. */
export type PanelId = (typeof panelIds)[number];

/** Panel titles. */
export const panelTitles: Readonly<Record<PanelId, string>> = {
	engine: 'Engine',
	services: 'Services',
	containers: 'Containers',
	images: 'Images',
	volumes: 'Volumes',
	networks: 'Networks',
};

/** What a selectable row points at. */
export type RowTarget = (
	| {readonly kind: 'service'; readonly project: string; readonly name: string; readonly containerIds: readonly string[]; readonly swarm?: boolean}
	| {readonly kind: 'container'; readonly id: string; readonly name: string}
	| {readonly kind: 'resource'; readonly id: string; readonly name: string}
) & {
	/** The engine that owns it, when the console watches several: actions go there. */
	readonly engine?: string;
};

/** One right-hand cell: its short text, and a longer one for wide panes. */
export type Cell = {readonly short: string; readonly long?: string};

/** One row of a panel before it is fitted to a width. */
export type PanelRow = {
	readonly key: string;
	/** Sanitised label (name). */
	readonly label: string;
	/** Right-hand cells, in the order of the panel's columns (`panelColumns`). */
	readonly columns: readonly Cell[];
	readonly glyph: string;
	readonly tone: ThemeToken;
	readonly target?: RowTarget;
	/** Group headings (projects) are shown but skipped by the cursor. */
	readonly heading?: boolean;
};

/** The glyph legend: every state symbol a row can show, in the order `?` lists them. */
export const glyphLegend: ReadonlyArray<{readonly glyph: string; readonly tone: ThemeToken; readonly meaning: string}> = [
	{glyph: '●', tone: 'status.ok', meaning: 'running, healthy'},
	{glyph: '○', tone: 'status.info', meaning: 'running, no healthcheck'},
	{glyph: '◐', tone: 'status.warning', meaning: 'running, health starting'},
	{glyph: '✗', tone: 'status.error', meaning: 'unhealthy, or dead'},
	{glyph: '↯', tone: 'status.error', meaning: 'crash loop: died 3 times within 5 minutes'},
	{glyph: '↻', tone: 'status.warning', meaning: 'restarting (Docker waits before the next start)'},
	{glyph: '‖', tone: 'status.warning', meaning: 'paused'},
	{glyph: '■', tone: 'status.error', meaning: 'exited, or created and never started'},
	{glyph: '▾', tone: 'text.title', meaning: 'a compose project or Swarm stack (Services)'},
	{glyph: '◆', tone: 'text.title', meaning: 'an engine, when several are watched (F: grouped, or only the one selected in Engines)'},
	{glyph: '▸', tone: 'text.primary', meaning: 'the selected row'},
];

const legendGlyph = (glyph: string) => {
	const entry = glyphLegend.find(item => item.glyph === glyph)!;
	return {glyph: entry.glyph, tone: entry.tone};
};

/** The glyph and tone for a health/state pair: text shape carries the meaning, colour only helps. */
export function healthGlyph(health: Health, state: string, crashLooping = false): {glyph: string; tone: ThemeToken} {
	if (crashLooping) return legendGlyph('↯');
	if (state === 'restarting') return legendGlyph('↻');
	if (state === 'paused') return legendGlyph('‖');
	if (state !== 'running') return legendGlyph(state === 'dead' ? '✗' : '■');
	if (health === 'healthy') return legendGlyph('●');
	if (health === 'starting') return legendGlyph('◐');
	if (health === 'unhealthy') return legendGlyph('✗');
	return legendGlyph('○');
}

/** One column of a list panel: header, width, long-form width, and how long it is kept as the pane narrows (0 = last dropped). */
export type ColumnSpec = {readonly title: string; readonly width: number; readonly longWidth?: number; readonly keep: number; readonly legend: string};

/** The columns of Services and Containers (the legend in `?` is generated from these). */
export const panelColumns: Readonly<Record<'services' | 'containers', readonly ColumnSpec[]>> = {
	services: [
		{title: 'REPL', width: 5, keep: 0, legend: 'replicas running/desired'},
		{title: 'STATUS', width: 8, longWidth: 17, keep: 1, legend: 'of its worst replica (see the container STATUS)'},
		{title: 'RST', width: 3, keep: 3, legend: 'restarts by the restart policy (worst replica)'},
		{title: 'CPU', width: 5, keep: 2, legend: '100% = one CPU; 90%L = 90% of its CPU limit'},
		{title: 'MEM', width: 5, keep: 4, legend: 'memory in use (K, M, G: binary units)'},
	],
	containers: [
		{title: 'STATUS', width: 8, longWidth: 17, keep: 0, legend: 'up 3s; x1 5s = exited with code 1, 5 s ago; x1 up3s = restarted after exit 1'},
		{title: 'RST', width: 3, keep: 1, legend: 'restarts by the restart policy'},
		{title: 'CPU', width: 5, keep: 2, legend: '100% = one CPU; 90%L = 90% of its CPU limit'},
		{title: 'MEM', width: 5, keep: 3, legend: 'memory in use (K, M, G: binary units)'},
	],
};

/** Options of `panelRows`. */
export type RowOptions = {readonly sort?: SortId; readonly now?: number};

const statusCells = (container: ContainerView | undefined, now: number): Cell => (container ? {short: statusCell(container, now, false), long: statusCell(container, now, true)} : {short: ''});
const restarts = (container: ContainerView | undefined): Cell => ({short: container?.restartCount ? String(container.restartCount) : ''});
const cpuLimitOf = (service: ServiceView, cpuLimits: ReadonlyMap<string, ContainerView['cpuLimit']>) => {
	const limits = service.containerIds.map(id => cpuLimits.get(id));
	return limits.every(limit => limit) ? limits.reduce<number>((sum, limit) => sum + limit!, 0) : undefined;
};

const serviceRow = (service: ServiceView, cpuLimits: ReadonlyMap<string, ContainerView['cpuLimit']>, now: number): PanelRow => ({
	key: `service:${service.project}/${service.name}`,
	label: sanitizeName(service.name, 80),
	columns: [
		{short: `${service.running}/${service.desired}`}, statusCells(service.worst, now), restarts(service.worst),
		{short: formatCpu(service.cpuPercent, cpuLimitOf(service, cpuLimits))}, {short: formatBytes(service.memoryBytes)},
	],
	...healthGlyph(service.health, service.state, service.worst?.crashLooping),
	target: {kind: 'service', project: service.project, name: service.name, containerIds: service.containerIds, ...(service.swarm ? {swarm: true} : {})},
});

const containerRow = (container: ContainerView, now: number): PanelRow => ({
	key: `container:${container.id}`,
	label: sanitizeName(container.name.replace(/^\//, ''), 80),
	columns: [statusCells(container, now), restarts(container), {short: formatCpu(container.cpuPercent, container.cpuLimit)}, {short: formatBytes(container.memoryBytes)}],
	...healthGlyph(container.health, container.state, container.crashLooping),
	target: {kind: 'container', id: container.id, name: container.name},
});

const serviceEntry = (service: ServiceView): SortEntry => ({name: service.name, rank: problemRank(service.worst ? {...service.worst, health: service.health} : {state: service.state, health: service.health}), cpuPercent: service.cpuPercent, memoryBytes: service.memoryBytes});
const containerEntry = (container: ContainerView): SortEntry => ({name: container.name.replace(/^\//, ''), rank: problemRank(container), cpuPercent: container.cpuPercent, memoryBytes: container.memoryBytes});

const matches = (row: PanelRow, filter: string) => filter === '' || row.label.toLowerCase().includes(filter.toLowerCase());

/**
 * The rows of one panel, filtered and sorted (default: problems first). Services stay under
 * their project heading; projects are ordered by their first service, so a project with an
 * unhealthy service comes first too.
 */
export function panelRows(view: ConsoleView, panel: PanelId, filter = '', options: RowOptions = {}): PanelRow[] {
	const compare = compareEntries(options.sort ?? 'problems');
	const now = options.now ?? Date.now();
	switch (panel) {
		case 'engine':
			return [];
		case 'services': {
			const groups: Array<{project: string; first: SortEntry; rows: PanelRow[]}> = [];
			// Each replica's CPU limit looked up by id: one pass over the containers, not one per replica.
			const cpuLimits = new Map(view.containers.map(container => [container.id, container.cpuLimit]));
			// The services of each project, gathered in one pass (not one filter per project).
			const byProject = new Map<string, ServiceView[]>();
			for (const service of view.services) {
				const own = byProject.get(service.project);
				if (own) own.push(service);
				else byProject.set(service.project, [service]);
			}
			for (const project of [...byProject.keys()].sort()) {
				const projectMatches = sanitizeName(project).toLowerCase().includes(filter.toLowerCase());
				const services = byProject.get(project)!
					.map(service => ({entry: serviceEntry(service), row: serviceRow(service, cpuLimits, now)}))
					.filter(({row}) => projectMatches || matches(row, filter))
					.sort((a, b) => compare(a.entry, b.entry));
				if (services.length === 0) continue;
				const heading: PanelRow = {key: `project:${project}`, label: sanitizeName(project, 80), columns: [], glyph: '▾', tone: 'text.title', heading: true};
				groups.push({project, first: services[0]!.entry, rows: [heading, ...services.map(({row}) => row)]});
			}
			return groups.sort((a, b) => compare(a.first, b.first) || compareText(a.project, b.project)).flatMap(group => group.rows);
		}
		case 'containers':
			return view.containers
				.filter(container => !container.service)
				.map(container => ({entry: containerEntry(container), row: containerRow(container, now)}))
				.filter(({row}) => matches(row, filter))
				.sort((a, b) => compare(a.entry, b.entry))
				.map(({row}) => row);
		default: {
			const list = panel === 'images' ? view.images : panel === 'volumes' ? view.volumes : view.networks;
			return list
				.map(resource => ({
					key: `${panel}:${resource.id}`,
					label: sanitizeName(resource.name, 120),
					columns: [{short: sanitizeName(resource.detail, 20)}],
					glyph: ' ',
					tone: 'text.primary' as ThemeToken,
					target: {kind: 'resource' as const, id: resource.id, name: resource.name},
				}))
				.filter(row => matches(row, filter));
		}
	}
}

/** Which columns a panel shows at a width, and how wide the name is. */
export type ColumnLayout = {
	/** Indexes into the row's cells, in display order, with their widths. */
	readonly columns: ReadonlyArray<{readonly index: number; readonly width: number; readonly title: string}>;
	readonly long: boolean;
	readonly labelWidth: number;
	readonly indent: string;
};

/** Narrowest name a row keeps before it drops right-hand columns. */
const minimumLabel = 11;

/** The columns that fit `width` for `panel`: dropped by `keep` as the pane narrows, long forms when there is room. */
export function columnLayout(panel: PanelId, width: number): ColumnLayout {
	const indent = panel === 'services' ? ' ' : '';
	const specs = panel === 'services' || panel === 'containers' ? panelColumns[panel] : [{title: '', width: 8, keep: 0, legend: ''}];
	const fits = (long: boolean, kept: number) => {
		const shown = specs.filter(spec => spec.keep < kept);
		const used = shown.reduce((sum, spec) => sum + (long ? (spec.longWidth ?? spec.width) : spec.width) + 1, 0);
		return width - 3 - indent.length - used >= minimumLabel + (long ? 6 : 0);
	};
	let kept = specs.length;
	while (kept > 0 && !fits(false, kept)) kept--;
	const long = kept === specs.length && fits(true, kept);
	const columns = specs.flatMap((spec, index) => (spec.keep < kept ? [{index, width: long ? (spec.longWidth ?? spec.width) : spec.width, title: spec.title}] : []));
	const used = columns.reduce((sum, column) => sum + column.width + 1, 0);
	return {columns, long, labelWidth: Math.max(0, width - 3 - indent.length - used), indent};
}

/** The column header line of a list panel, aligned with its rows. */
export function formatHeader(layout: ColumnLayout, width: number): string {
	const right = layout.columns.map(column => (column.title === 'STATUS' ? fit(column.title, column.width) : alignRight(column.title, column.width))).join(' ');
	return fit(`   ${layout.indent}${fit('NAME', layout.labelWidth)}${right ? ` ${right}` : ''}`, width);
}

/** A row as one line of exactly `width` columns: marker, glyph, label, right-hand cells. */
export function formatRow(row: PanelRow, width: number, selected: boolean, layout: ColumnLayout): string {
	if (row.heading) return fit(`${row.glyph} ${row.label}`, width);
	const marker = selected ? '▸' : ' ';
	const indent = row.target?.kind === 'service' ? layout.indent : '';
	const cells = layout.columns.map(column => {
		const cell = row.columns[column.index] ?? {short: ''};
		const text = layout.long ? (cell.long ?? cell.short) : cell.short;
		return column.title === 'STATUS' ? fit(text, column.width) : alignRight(text, column.width);
	});
	const right = cells.length > 0 ? ` ${cells.join(' ')}` : '';
	return fit(`${marker}${indent}${row.glyph} ${fit(row.label, layout.labelWidth)}${right}`, width);
}

/** Indexes of rows the cursor may land on. */
export const selectableIndexes = (rows: readonly PanelRow[]): number[] => rows.flatMap((row, index) => (row.heading ? [] : [index]));

/**
 * Where the cursor is among the selectable rows: on the row it was put on (`selectedKey`),
 * wherever a re-sort moved it, else at `cursor` (clamped). A selection never jumps to
 * another container because the list reordered under it.
 */
export function cursorIndex(rows: readonly PanelRow[], cursor: number, selectedKey?: string): number {
	const selectable = selectableIndexes(rows);
	if (selectedKey !== undefined) {
		const found = selectable.findIndex(index => rows[index]!.key === selectedKey);
		if (found >= 0) return found;
	}
	return Math.max(0, Math.min(cursor, selectable.length - 1));
}

/** Keys of the selectable rows, in order (what a cursor move needs to remember its row). */
export const selectableKeys = (rows: readonly PanelRow[]): string[] => selectableIndexes(rows).map(index => rows[index]!.key);
