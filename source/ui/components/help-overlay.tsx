/**
 * The `?` help: every command in force with its keys, from the same key map that drives
 * input, so help can never list a key that does nothing (or one --read-only removed).
 */
import {Box} from 'ink';
import {keyLabel, type Keymap} from '../keys/keymap.js';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import {Row} from './row.js';

/** Props of the help overlay. */
export type HelpOverlayProps = {readonly keymap: Keymap; readonly width: number; readonly height: number; readonly scroll: number};

/** The help lines (pure, for tests and the overlay). */
export function helpLines(keymap: Keymap, width: number): string[] {
	const keysWidth = Math.min(18, Math.max(...keymap.commands.map(command => keyLabel(command).length)) + 2);
	return [
		fit(`Keys${keymap.readOnly ? ' (read-only: actions removed)' : ''}  — ? or escape closes`, width),
		...keymap.commands.map(command => fit(`${keyLabel(command).padEnd(keysWidth)}${command.description}${command.dangerous ? ' (confirm)' : ''}`, width)),
	];
}

/** The help overlay, drawn in place of the panes. */
export function HelpOverlay({keymap, width, height, scroll}: HelpOverlayProps) {
	const color = useColor();
	const lines = helpLines(keymap, width);
	const start = Math.min(scroll, Math.max(0, lines.length - height));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.slice(start, start + height).map((line, index) => (
				<Row key={index} text={line} color={color(index === 0 && start === 0 ? 'text.title' : 'text.primary')} bold={index === 0 && start === 0} />
			))}
		</Box>
	);
}
