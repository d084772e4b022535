/**
 * The left column: Engine facts, then one titled list per panel, each showing only the
 * window of rows that fits (virtualised), the selected row marked by `▸` and inverse.
 */
import {memo, type ReactElement} from 'react';
import {Box} from 'ink';
import {sanitizeName} from '../../engine/text/sanitize.js';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import {allocateHeights, windowStart} from '../view/layout.js';
import {formatRow, panelIds, panelTitles, selectableIndexes, type PanelId, type PanelRow} from '../view/rows.js';
import type {ConsoleView} from '../view/types.js';
import {Row} from './row.js';

/** Props of the left column. */
export type LeftColumnProps = {
	readonly view: ConsoleView;
	readonly rows: Readonly<Record<PanelId, readonly PanelRow[]>>;
	readonly panel: PanelId;
	readonly focused: boolean;
	readonly cursors: Readonly<Record<PanelId, number>>;
	readonly filters: Readonly<Record<PanelId, string>>;
	readonly width: number;
	readonly height: number;
};

const connectionText = (view: ConsoleView) =>
	view.connection.state === 'connected' ? '● connected' : view.connection.state === 'reconnecting' ? '◌ reconnecting…' : '◌ connecting…';

/** A panel title drawn as a rule: `━ 2 Services (5) ━━━━`, exactly `width` wide. */
export function titleLine(title: string, rule: string, width: number): string {
	const text = `${rule} ${title} `;
	return [...text].length >= width ? fit(text, width) : text + rule.repeat(width - [...text].length);
}

function LeftColumnView({view, rows, panel, focused, cursors, filters, width, height}: LeftColumnProps) {
	const color = useColor();
	const counts = Object.fromEntries(panelIds.map(id => [id, rows[id].length])) as Record<PanelId, number>;
	const heights = allocateHeights(height, counts, panel);
	const lines: ReactElement[] = [];
	for (const [index, id] of panelIds.entries()) {
		const active = id === panel;
		const all = rows[id];
		const selectable = selectableIndexes(all).length;
		const filter = filters[id] ? ` /${sanitizeName(filters[id], 20)}` : '';
		const count = id === 'engine' ? '' : ` (${selectable})`;
		lines.push(
			<Row
				key={`title:${id}`}
				text={titleLine(`${index + 1} ${panelTitles[id]}${count}${filter}`, active ? '━' : '─', width)}
				color={color(active ? 'border.focused' : 'border.unfocused')}
				bold={active}
			/>,
		);
		if (id === 'engine') {
			const engine = view.engine;
			const facts = [
				`${sanitizeName(engine.context ?? engine.description, 40)} · ${engine.mode ?? '?'}`,
				`${connectionText(view)} · v${sanitizeName(engine.version ?? '?', 20)} · swarm ${engine.swarm ?? '?'}`,
			];
			for (const [line, text] of facts.slice(0, heights.engine).entries()) {
				const warn = line === 1 && view.connection.state !== 'connected';
				lines.push(<Row key={`engine:${line}`} text={fit(` ${text}`, width)} color={color(warn ? 'status.warning' : 'text.primary')} />);
			}
			continue;
		}
		const visible = heights[id];
		if (visible === 0) continue;
		const cursorRow = selectableIndexes(all)[Math.min(cursors[id], Math.max(0, selectable - 1))] ?? -1;
		const start = windowStart(all.length, cursorRow, visible);
		for (const [offset, row] of all.slice(start, start + visible).entries()) {
			const selected = active && start + offset === cursorRow;
			lines.push(
				<Row
					key={row.key}
					text={formatRow(row, width, selected)}
					color={color(row.heading ? 'text.title' : 'text.primary')}
					inverse={selected && focused}
					bold={selected}
					accent={row.heading ? undefined : {start: row.target?.kind === 'service' ? 2 : 1, length: 1, color: color(row.tone)}}
				/>,
			);
		}
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines}
		</Box>
	);
}

/** The left column, memoised on its props. */
export const LeftColumn = memo(LeftColumnView);
