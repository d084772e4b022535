/**
 * The Logs tab: a title line (who, following or paused, search with its `k/N` counter,
 * filter) and the visible window of the followed lines. It only draws: positions come from
 * the pure pager, rows from the pure row formatter, lines from the feed's ring buffer.
 */
import {memo, useEffect, useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import type {ConsoleAction} from '../state/console-state.js';
import {FixedLine} from '../components/fixed-line.js';
import {useColor} from '../theme/theme-context.js';
import {fit} from '../view/format.js';
import type {LogFeed} from '../hooks/use-logs.js';
import {MatchIndex, pagerView, type PagerIntent} from './log-pager.js';
import {logRows, markerWidth, type LogRow, type NumberedLine} from './log-rows.js';

/** Props of the Logs tab. */
export type LogsPaneProps = {
	readonly feed: LogFeed;
	readonly intent: PagerIntent;
	readonly wrap: boolean;
	readonly timestamps: boolean;
	/** The title's start (who is shown); the pager adds its state. */
	readonly title: string;
	readonly width: number;
	/** Rows for the title and the lines. */
	readonly height: number;
	/** Clamps the console state's scroll to what the pager applied (so a key after an end acts at once). */
	readonly dispatch?: (action: ConsoleAction) => void;
};

/** The Logs tab's title and lines. */
export function LogsPane({feed, intent, wrap, timestamps, title, width, height, dispatch}: LogsPaneProps) {
	const color = useColor();
	const {buffer, labels} = feed;
	const lineHeight = Math.max(0, height - 1);
	const pausedAt = useRef<number | undefined>(undefined);
	const pausedIn = useRef(buffer);
	if (intent.follow || pausedIn.current !== buffer) pausedAt.current = undefined;
	pausedIn.current = buffer;
	// A view paused before any line arrived latches on the first lines, not on nothing.
	if (!intent.follow && buffer.pushedCount > 0) pausedAt.current ??= buffer.pushedCount - 1;
	const matchIndex = useMemo(() => new MatchIndex(), [buffer]);
	// Read at every render, not per published version: one container's lines reach the buffer
	// as they arrive, so a key drawn between two frames shows the newest lines too.
	const held = {firstSeq: buffer.firstSequence, endSeq: buffer.pushedCount};
	const matches = matchIndex.update(intent.search, held, seq => buffer.bySequence(seq)?.text);
	const view = pagerView(intent, held, matches, lineHeight, pausedAt.current);
	const rows = useMemo(() => {
		const lines: NumberedLine[] = view.rows.map(seq => {
			const entry = buffer.bySequence(seq)!;
			return {seq, line: entry, source: entry.source ?? 0};
		});
		return logRows(lines, {width, height: lineHeight, wrap, timestamps, search: intent.search, labels, currentSeq: view.current?.seq});
	}, [view.rows.join(','), view.current?.seq, buffer, width, lineHeight, wrap, timestamps, intent.search, labels]);
	useEffect(() => {
		if (dispatch && view.scroll !== intent.scroll) dispatch({type: 'setScroll', scroll: view.scroll});
	}, [dispatch, view.scroll, intent.scroll]);

	const state = intent.follow ? 'following' : 'paused';
	const search = intent.search ? `/${intent.search.slice(0, 20)} ${view.current ? `${view.current.index + 1}/${view.current.count}` : `${view.count} matches`}` : '';
	const filter = intent.search && intent.filter ? 'only matches (&)' : '';
	const dropped = buffer.firstSequence > 0 ? `last ${buffer.size} lines` : '';
	// The pager's own state first: on a narrow pane the counter and the filter stay in sight.
	const heading = [state, search, filter, dropped, title].filter(Boolean).join(' · ');
	return (
		<>
			<FixedLine width={width}>
				<Text color={color('text.muted')}>{fit(heading, width)}</Text>
			</FixedLine>
			{rows.length === 0 ? <Text color={color('text.muted')}>{fit(intent.search && intent.filter ? 'no matching lines' : 'no log lines yet', width)}</Text> : null}
			{rows.length > 0 ? (
				<Box flexDirection="row" width={width} height={rows.length} flexShrink={0}>
					{/* The markers, one column for all rows: the rows themselves stay ASCII (see log-rows.ts). */}
					<FixedLine width={Math.min(markerWidth, width)} height={rows.length}>
						{rows.map((row, index) => (
							<Text key={index} color={color(row.marker?.tone ?? 'text.primary')}>
								{`${row.marker?.text ?? ' '.repeat(markerWidth)}${index < rows.length - 1 ? '\n' : ''}`}
							</Text>
						))}
					</FixedLine>
					<Box flexDirection="column" width={Math.max(0, width - markerWidth)}>
						{rows.map((row, index) => (
							<LogRowView key={index} row={row} width={Math.max(0, width - markerWidth)} />
						))}
					</Box>
				</Box>
			) : null}
		</>
	);
}

const LogRowView = memo(
	function LogRowView({row, width}: {readonly row: LogRow; readonly width: number}) {
		const color = useColor();
		return (
			<FixedLine width={width}>
				{row.pieces.map((piece, index) => (
					<Text key={index} color={color(piece.tone)} inverse={piece.match !== undefined} bold={piece.match === 'current'}>
						{piece.text}
					</Text>
				))}
			</FixedLine>
		);
	},
	(before, after) => before.row.signature === after.row.signature && before.width === after.width,
);
