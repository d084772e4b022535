/**
 * The three bottom lines: latest Docker events; action progress (a spinner only while an
 * action runs), a result, a confirmation question or the text being typed; key hints.
 */
import type {ReactElement} from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {sanitizeText} from '../../engine/text/sanitize.js';
import type {ConsoleState} from '../state/console-state.js';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import {Row} from './row.js';

/** Props of the bottom bar. */
export type BottomBarProps = {
	readonly events: readonly string[];
	readonly state: ConsoleState;
	readonly hints: string;
	readonly width: number;
	/** Hide hints when stdin is not interactive (nothing could be typed). */
	readonly interactive: boolean;
};

const prompts = {filter: '/', search: 'search /', palette: ':', deploy: 'deploy tarball (path): ', deployPath: 'target directory in the container (tab completes): '} as const;

/** The bottom bar. */
export function BottomBar({events, state, hints, width, interactive}: BottomBarProps) {
	const color = useColor();
	const latest = events.length > 0 ? sanitizeText(events.at(-1), {maxLength: width * 2}) : 'no events yet';
	const overlay = state.overlay;
	let status: ReactElement;
	if (overlay.kind === 'confirm') {
		status = <Row text={fit(`${overlay.verb} ${sanitizeText(overlay.target.name.replace(/^\//, ''), {maxLength: 60})}? y to confirm, any other key cancels`, width)} color={color('status.warning')} bold />;
	} else if (overlay.kind === 'input') {
		status = <Row text={fit(`${prompts[overlay.purpose]}${sanitizeText(overlay.text, {maxLength: 200})}█`, width)} color={color('accent')} />;
	} else if (state.running) {
		status = (
			<Text wrap="truncate" color={color('status.info')}>
				<Spinner type="dots" /> {fit(sanitizeText(state.running, {maxLength: 200}), width - 2)}
			</Text>
		);
	} else {
		status = <Row text={fit(state.message ? sanitizeText(state.message.text, {maxLength: 300}) : '', width)} color={color(state.message?.tone ?? 'text.muted')} />;
	}
	return (
		<Box flexDirection="column" width={width} height={3}>
			<Row text={fit(`events ${latest}`, width)} color={color('text.muted')} />
			{status}
			<Row text={fit(interactive ? hints : '', width)} color={color('text.muted')} />
		</Box>
	);
}
