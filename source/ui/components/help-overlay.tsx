/**
 * The `?` help: every command in force with its keys, from the same key map that drives
 * input, so help can never list a key that does nothing (or one --read-only removed).
 */
import {Box} from 'ink';
import {keyLabel, type Keymap} from '../keys/keymap.js';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import {problemRanks, sortIds} from '../view/problems.js';
import {glyphLegend, panelColumns} from '../view/rows.js';
import {Row} from './row.js';

/** Props of the help overlay. */
export type HelpOverlayProps = {readonly keymap: Keymap; readonly width: number; readonly height: number; readonly scroll: number};

/**
 * The legend, from the same data the rows are drawn with: every glyph, every column of
 * Services and Containers, and the problems-first order.
 */
export function legendLines(width: number): string[] {
	const columns = new Map<string, string>();
	for (const spec of [...panelColumns.services, ...panelColumns.containers]) if (!columns.has(spec.title)) columns.set(spec.title, spec.legend);
	return [
		fit('Legend', width),
		...glyphLegend.map(entry => fit(`${entry.glyph.padEnd(8)}${entry.meaning}`, width)),
		...[...columns].map(([title, legend]) => fit(`${title.padEnd(8)}${legend}`, width)),
		fit(`${'-'.padEnd(8)}not known yet (CPU: until the second sample)`, width),
		fit(`Order   problems first: ${problemRanks.map(entry => entry.meaning).join(', then ')}; then by name`, width),
		fit(`        ${sortIds.join(' / ')}: the order key cycles them (shown in the panel titles)`, width),
	];
}

/** The help lines (pure, for tests and the overlay): every command in force, then the legend. */
export function helpLines(keymap: Keymap, width: number): string[] {
	const keysWidth = Math.min(18, Math.max(...keymap.commands.map(command => keyLabel(command).length)) + 2);
	return [
		fit(`Keys${keymap.readOnly ? ' (read-only: actions removed)' : ''}  — ? or escape closes`, width),
		...keymap.commands.map(command => fit(`${keyLabel(command).padEnd(keysWidth)}${command.description}${command.dangerous ? ' (confirm)' : ''}`, width)),
		fit('', width),
		...legendLines(width),
	];
}

/** The help overlay, drawn in place of the panes. */
export function HelpOverlay({keymap, width, height, scroll}: HelpOverlayProps) {
	const color = useColor();
	const lines = helpLines(keymap, width);
	const start = Math.min(scroll, Math.max(0, lines.length - height));
	const titles = new Set([0, lines.length - legendLines(width).length]);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.slice(start, start + height).map((line, index) => (
				<Row key={index} text={line} color={color(titles.has(start + index) ? 'text.title' : 'text.primary')} bold={titles.has(start + index)} />
			))}
		</Box>
	);
}
