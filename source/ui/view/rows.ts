/**
 * The left column's panels as data (lazydocker panels): which rows each panel has, how a
 * row reads at a given width, and which of them match a filter. Pure; every string from
 * the daemon is sanitised here, once, before it can reach a component.
 */
import {sanitizeName} from '../../engine/text/sanitize.js';
import type {ThemeToken} from '../theme/theme.js';
import {alignRight, fit, formatBytes, formatPercent} from './format.js';
import type {ConsoleView, ContainerView, Health, ServiceView} from './types.js';

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
export type RowTarget =
	| {readonly kind: 'service'; readonly project: string; readonly name: string; readonly containerIds: readonly string[]; readonly swarm?: boolean}
	| {readonly kind: 'container'; readonly id: string; readonly name: string}
	| {readonly kind: 'resource'; readonly id: string; readonly name: string};

/** One row of a panel before it is fitted to a width. */
export type PanelRow = {
	readonly key: string;
	/** Sanitised label (name). */
	readonly label: string;
	/** Right-hand columns, already formatted. */
	readonly columns: readonly string[];
	readonly glyph: string;
	readonly tone: ThemeToken;
	readonly target?: RowTarget;
	/** Group headings (projects) are shown but skipped by the cursor. */
	readonly heading?: boolean;
};

/** The glyph and tone for a health/state pair: text shape carries the meaning, colour only helps. */
export function healthGlyph(health: Health, state: string): {glyph: string; tone: ThemeToken} {
	if (state === 'restarting') return {glyph: '↻', tone: 'status.warning'};
	if (state === 'paused') return {glyph: '‖', tone: 'status.warning'};
	if (state !== 'running') return {glyph: state === 'dead' ? '✗' : '■', tone: 'status.error'};
	if (health === 'healthy') return {glyph: '●', tone: 'status.ok'};
	if (health === 'starting') return {glyph: '◐', tone: 'status.warning'};
	if (health === 'unhealthy') return {glyph: '✗', tone: 'status.error'};
	return {glyph: '○', tone: 'status.info'};
}

const serviceRow = (service: ServiceView): PanelRow => ({
	key: `service:${service.project}/${service.name}`,
	label: sanitizeName(service.name, 80),
	columns: [`${service.running}/${service.desired}`, formatPercent(service.cpuPercent), formatBytes(service.memoryBytes)],
	...healthGlyph(service.health, service.state),
	target: {kind: 'service', project: service.project, name: service.name, containerIds: service.containerIds, ...(service.swarm ? {swarm: true} : {})},
});

const containerRow = (container: ContainerView): PanelRow => ({
	key: `container:${container.id}`,
	label: sanitizeName(container.name.replace(/^\//, ''), 80),
	columns: [formatPercent(container.cpuPercent), formatBytes(container.memoryBytes)],
	...healthGlyph(container.health, container.state),
	target: {kind: 'container', id: container.id, name: container.name},
});

const matches = (row: PanelRow, filter: string) => filter === '' || row.label.toLowerCase().includes(filter.toLowerCase());

/** The rows of one panel, filtered (a project heading stays while any of its services match). */
export function panelRows(view: ConsoleView, panel: PanelId, filter = ''): PanelRow[] {
	switch (panel) {
		case 'engine':
			return [];
		case 'services': {
			const rows: PanelRow[] = [];
			const projects = [...new Set(view.services.map(service => service.project))].sort();
			for (const project of projects) {
				const services = view.services.filter(service => service.project === project).map(serviceRow).filter(row => matches(row, filter) || sanitizeName(project).toLowerCase().includes(filter.toLowerCase()));
				if (services.length === 0) continue;
				rows.push({key: `project:${project}`, label: sanitizeName(project, 80), columns: [], glyph: '▾', tone: 'text.title', heading: true});
				rows.push(...services.sort((a, b) => a.label.localeCompare(b.label)));
			}
			return rows;
		}
		case 'containers':
			return view.containers
				.filter(container => !container.service)
				.map(containerRow)
				.filter(row => matches(row, filter))
				.sort((a, b) => a.label.localeCompare(b.label));
		default: {
			const list = panel === 'images' ? view.images : panel === 'volumes' ? view.volumes : view.networks;
			return list
				.map(resource => ({
					key: `${panel}:${resource.id}`,
					label: sanitizeName(resource.name, 120),
					columns: [sanitizeName(resource.detail, 20)],
					glyph: ' ',
					tone: 'text.primary' as ThemeToken,
					target: {kind: 'resource' as const, id: resource.id, name: resource.name},
				}))
				.filter(row => matches(row, filter));
		}
	}
}

/** Widths of right-hand columns by how many a row has, dropped when the pane is narrow. */
const columnWidths = [5, 6, 6];

/** A row as one line of exactly `width` columns: marker, glyph, label, right-hand columns. */
export function formatRow(row: PanelRow, width: number, selected: boolean): string {
	if (row.heading) return fit(`${row.glyph} ${row.label}`, width);
	const marker = selected ? '▸' : ' ';
	const indent = row.target?.kind === 'service' ? ' ' : '';
	let columns = row.columns.map((column, index) => alignRight(column, row.columns.length === 1 ? 8 : (columnWidths[index + (3 - row.columns.length)] ?? 6)));
	// Keep at least 10 columns for the name: drop right-hand columns from the end until it fits.
	while (columns.length > 0 && width - 3 - indent.length - columns.join(' ').length - 1 < 10) columns = columns.slice(0, -1);
	const right = columns.length > 0 ? ` ${columns.join(' ')}` : '';
	const labelWidth = Math.max(0, width - 3 - indent.length - right.length);
	return fit(`${marker}${indent}${row.glyph} ${fit(row.label, labelWidth)}${right}`, width);
}

/** Indexes of rows the cursor may land on. */
export const selectableIndexes = (rows: readonly PanelRow[]): number[] => rows.flatMap((row, index) => (row.heading ? [] : [index]));
