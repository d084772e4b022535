/**
 * The left column: Engine facts, then one titled list per panel, each showing only the
 * window of rows that fits (virtualised), the selected row marked by `▸` and inverse.
 */
import {memo, type ReactElement} from 'react';
import {Box} from 'ink';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import {allocatePanels, windowStart} from '../view/layout.js';
import type {SortId} from '../view/problems.js';
import {type ColumnLayout, columnLayout, cursorIndex, formatHeader, formatRow, panelIds, selectableIndexes, type PanelId, type PanelRow} from '../view/rows.js';
import type {ConsoleView} from '../view/types.js';
import {Row} from './row.js';
import {allHidden, engineFacts, panelTitle, readOnlyBadge, titleLine} from '../view/titles.js';

/** Props of the left column. */
export type LeftColumnProps = {
	readonly view: ConsoleView;
	readonly rows: Readonly<Record<PanelId, readonly PanelRow[]>>;
	readonly panel: PanelId;
	readonly focused: boolean;
	readonly cursors: Readonly<Record<PanelId, number>>;
	readonly selected: Readonly<Record<PanelId, string | undefined>>;
	readonly filters: Readonly<Record<PanelId, string>>;
	readonly sort: SortId;
	/** Shown as a badge on the first title line, always visible. */
	readonly readOnly: boolean;
	/** Several engines: the engine the lists are filtered to (F), if they are. */
	readonly onlyEngine?: string;
	readonly width: number;
	readonly height: number;
};

/** The Engines panel's rows put the whole line in the label: no columns. */
const engineLayout = (width: number): ColumnLayout => ({columns: [], long: false, labelWidth: Math.max(0, width - 3), indent: ''});

function LeftColumnView({view, rows, panel, focused, cursors, selected, filters, sort, readOnly, onlyEngine, width, height}: LeftColumnProps) {
	const color = useColor();
	const counts = Object.fromEntries(panelIds.map(id => [id, rows[id].length])) as Record<PanelId, number>;
	const heights = allocatePanels(height, counts, panel);
	const engines = view.engines && view.engines.length > 1 ? view.engines.length : undefined;
	const lines: ReactElement[] = [];
	for (const id of panelIds) {
		const active = id === panel;
		const all = rows[id];
		const selectableRows = selectableIndexes(all);
		const selectable = selectableRows.length;
		// Several engines: Engines lists a row each, as a list panel without header or `+N more`.
		const fleet = id === 'engine' && all.length > 0;
		const space = id !== 'engine' ? heights[id] : fleet ? {rows: heights.engine, header: false, hidden: Math.max(0, all.length - heights.engine), more: false} : undefined;
		const title = titleLine(panelTitle(id, selectable, {hiddenAll: allHidden(space, selectable), sort, filter: filters[id], readOnly, engines, onlyEngine: id === 'engine' ? undefined : onlyEngine}), active ? '━' : '─', width);
		const badge = id === 'engine' && readOnly ? title.indexOf(readOnlyBadge) : -1;
		lines.push(
			<Row
				key={`title:${id}`}
				text={title}
				color={color(active ? 'border.focused' : 'border.unfocused')}
				bold={active}
				accent={badge >= 0 ? {start: badge, length: readOnlyBadge.length, color: color('status.warning')} : undefined}
			/>,
		);
		if (id === 'engine' && !fleet) {
			for (const [line, text] of engineFacts(view).slice(0, heights.engine).entries()) {
				const warn = line === 1 && view.connection.state !== 'connected';
				lines.push(<Row key={`engine:${line}`} text={fit(` ${text}`, width)} color={color(warn ? 'status.warning' : 'text.primary')} />);
			}
			continue;
		}
		const {rows: visible, header, hidden, more} = space!;
		const layout = fleet ? engineLayout(width) : columnLayout(id, width);
		if (header) lines.push(<Row key={`header:${id}`} text={formatHeader(layout, width)} color={color('text.muted')} />);
		const cursorRow = selectable > 0 ? selectableRows[cursorIndex(all, cursors[id], selected[id])]! : -1;
		const start = windowStart(all.length, cursorRow, visible);
		for (const [offset, row] of all.slice(start, start + visible).entries()) {
			const isSelected = active && start + offset === cursorRow;
			lines.push(
				<Row
					key={row.key}
					text={formatRow(row, width, isSelected, layout)}
					color={color(row.heading ? 'text.title' : 'text.primary')}
					inverse={isSelected && focused}
					bold={isSelected}
					accent={row.heading ? undefined : {start: row.target?.kind === 'service' ? 2 : 1, length: 1, color: color(row.tone)}}
				/>,
			);
		}
		if (more) lines.push(<Row key={`more:${id}`} text={fit(`  +${hidden} more`, width)} color={color('text.muted')} />);
	}
	return (
		// Vertical clip only: rows are fitted and truncated to the width; a horizontal clip re-slices each of them every frame.
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			{lines}
		</Box>
	);
}

/** The left column, memoised on its props. */
export const LeftColumn = memo(LeftColumnView);
