/**
 * The main area: a tab bar, a one-line title for the selection, and the selected tab's
 * lines sliced to the height (logs from the bottom while following).
 */
import {useMemo} from 'react';
import {Box} from 'ink';
import {sanitizeName, sanitizeText} from '../../engine/text/sanitize.js';
import type {FrameClock} from '../data/frame-clock.js';
import {useLogs} from '../hooks/use-logs.js';
import type {ConsoleAction} from '../state/console-state.js';
import {LogsPane} from '../tabs/logs-pane.js';
import {usePolled} from '../hooks/use-polled.js';
import {type ConsoleState, tabIds, tabTitles} from '../state/console-state.js';
import {healthLines, inspectLines, statsLines, topLines, type TabLine} from '../tabs/tab-lines.js';
import {useColor} from '../theme/theme-context.js';
import type {ThemeToken} from '../theme/theme.js';
import {describeCpu, fit} from '../view/format.js';
import {crashLine, problemRank} from '../view/problems.js';
import type {RowTarget} from '../view/rows.js';
import {targetContainer} from '../state/targets.js';
import type {ConsoleSource, ConsoleView, ContainerView} from '../view/types.js';
import {Row} from './row.js';

/** Props of the main area. */
export type MainAreaProps = {
	readonly source: ConsoleSource;
	readonly view: ConsoleView;
	readonly state: ConsoleState;
	readonly target?: RowTarget;
	readonly width: number;
	readonly height: number;
	/** The clock ages are read from. */
	readonly now: number;
	/** Lets the Logs pager clamp its scroll at the ends. */
	readonly dispatch?: (action: ConsoleAction) => void;
	/** The console's frame clock: new log lines are drawn in the same frame as the rest of the view. */
	readonly clock?: FrameClock;
};

/** The main pane's status line for a container: crash loop, restarts, exit, uptime, CPU against its limit. */
export function containerStatusLine(container: ContainerView, now: number): {text: string; tone: ThemeToken} {
	const cpu = container.cpuLimit ? ` · cpu ${describeCpu(container.cpuPercent, container.cpuLimit)}` : '';
	const problem = container.crashLooping || problemRank(container) <= 2;
	return {text: `${crashLine(container, now)}${cpu}`, tone: problem ? 'status.error' : 'text.muted'};
}

const intervals = {health: 2000, top: 3000, inspect: 0} as const;

/** The main area for the current selection and tab. */
export function MainArea({source, view, state, target, width, height, now, dispatch, clock}: MainAreaProps) {
	const color = useColor();
	const id = targetContainer(view, target);
	const tab = state.tab;
	// A service's containers (or, with `P`, its whole project's) are merged, each line labelled with its container.
	const logTargets = useMemo(() => {
		if (target?.kind !== 'service') return id ? [{id, label: ''}] : [];
		const ids = state.logs.project ? view.containers.filter(container => container.project === target.project && container.engine === target.engine).map(container => container.id) : target.containerIds;
		if (ids.length < 2) return id ? [{id, label: ''}] : [];
		return ids.map(containerId => ({id: containerId, label: sanitizeName(view.containers.find(container => container.id === containerId)?.name.replace(/^\//, '') ?? containerId.slice(0, 12), 24)}));
	}, [target, id, view.containers, state.logs.project]);
	const logs = useLogs(source, logTargets, tab === 'logs', clock);
	const details = usePolled(source.inspect, id, tab === 'inspect' || tab === 'health', tab === 'health' ? intervals.health : intervals.inspect);
	const top = usePolled(source.top, id, tab === 'top', intervals.top);
	const container = id ? view.containers.find(entry => entry.id === id) : undefined;
	// The selected container's restarts, last exit and uptime (and CPU against its limit).
	const status = container && target?.kind !== 'resource' && state.panel !== 'engine' ? containerStatusLine(container, now) : undefined;
	const contentHeight = Math.max(0, height - 2 - (status ? 1 : 0));

	const content = useMemo((): {lines: TabLine[]; fromBottom: boolean} => {
		const note = (text: string): {lines: TabLine[]; fromBottom: boolean} => ({lines: [{text: fit(text, width), tone: 'text.muted'}], fromBottom: false});
		const member = state.panel === 'engine' && target?.kind === 'resource' ? view.engines?.find(entry => entry.name === target.id) : undefined;
		if (member) {
			// Several engines: the facts of the one selected in Engines.
			const facts = [
				['Engine', `${member.name} (${member.description})`], ['Context', member.context ?? '-'], ['Mode', member.mode ?? '-'], ['Version', member.version ?? '-'],
				['Swarm', member.swarm ?? '-'], ['State', `${member.state}${member.detail ? ` (${member.detail})` : ''}`],
				['Counts', `${member.containers} containers, ${member.unhealthy} unhealthy`],
			];
			return {lines: facts.map(([name, value]) => ({text: fit(`${name!.padEnd(9)}${sanitizeName(value, 300)}`, width), tone: 'text.primary' as const})), fromBottom: false};
		}
		if (state.panel === 'engine') {
			const engine = view.engine;
			const facts = [
				['Engine', engine.description], ['Context', engine.context ?? '-'], ['Mode', engine.mode ?? '-'], ['Version', engine.version ?? '-'],
				['Swarm', engine.swarm ?? '-'], ['State', `${view.connection.state}${view.connection.detail ? ` (${view.connection.detail})` : ''}`],
				['Counts', `${view.services.length} services, ${view.containers.length} containers, ${view.images.length} images`],
			];
			return {lines: facts.map(([name, value]) => ({text: fit(`${name!.padEnd(9)}${sanitizeName(value, 300)}`, width), tone: 'text.primary' as const})), fromBottom: false};
		}
		if (!target) return note(view.services.length + view.containers.length === 0 ? 'no containers on this engine yet' : 'select a service or container');
		if (target.kind === 'resource') return note(`${sanitizeName(target.name)} (${sanitizeName(target.id.slice(0, 19))})`);
		if (!id) return note('no containers for this service');
		switch (tab) {
			case 'logs':
				// Drawn by the Logs pager below; only the notes above apply.
				return source.followLogs ? {lines: [], fromBottom: false} : note('logs are not available');
			case 'stats':
				return {lines: statsLines(source.statsHistory?.(id) ?? [], width), fromBottom: false};
			case 'inspect':
			case 'health':
				if (details.error) return note(`inspect failed: ${sanitizeName(details.error)}`);
				if (!details.value) return note('loading…');
				return {lines: tab === 'inspect' ? inspectLines(details.value, state.reveal !== undefined && state.reveal === id, width) : healthLines(details.value, width), fromBottom: false};
			case 'top':
				if (top.error) return note(`top failed: ${sanitizeName(top.error)}`);
				return top.value ? {lines: topLines(top.value, width), fromBottom: false} : note('loading…');
		}
	}, [target, id, tab, details, top, width, state.reveal, state.panel, view, source]);

	if (state.eventsPane) {
		const events = view.events.length > 0 ? view.events.map(event => ({text: fit(sanitizeText(event, {maxLength: width * 2}), width), tone: 'text.primary' as const})) : [{text: fit('no events yet', width), tone: 'text.muted' as const}];
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				<Row text={fit(`Events (newest last; E returns to ${tabTitles[tab]})`, width)} color={color('text.title')} bold />
				{events.slice(-Math.max(0, height - 1)).map((line, index) => (
					<Row key={index} text={line.text} color={color(line.tone)} />
				))}
			</Box>
		);
	}

	const pagerShown = tab === 'logs' && state.panel !== 'engine' && target !== undefined && target.kind !== 'resource' && id !== undefined && source.followLogs !== undefined;
	const start = Math.min(state.scroll, Math.max(0, content.lines.length - contentHeight));
	const lines = pagerShown ? [] : content.lines.slice(start, start + contentHeight);

	const tabBar = tabIds.map(tabId => (tabId === tab ? `[${tabTitles[tabId]}]` : ` ${tabTitles[tabId]} `)).join(' ');
	const who = target ? `${target.kind === 'service' ? `${sanitizeName(target.project)}/` : ''}${sanitizeName(target.name.replace(/^\//, ''))}` : '';
	const merged = logTargets.length > 1 ? ` · ${logTargets.length} containers${state.logs.project ? ` of project ${sanitizeName(target?.kind === 'service' ? target.project : '')}` : ''}` : '';
	const title = target ? `${who}${id && target.kind !== 'resource' ? (merged || ` · ${id.slice(0, 12)}`) : ''}` : '';
	// Clipped vertically only: every row is fitted to the width already, and a horizontal clip
	// makes Ink measure and slice every line of every frame again.
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<Row text={fit(tabBar, width)} color={color(state.focus === 'main' ? 'border.focused' : 'text.title')} bold />
			{status ? <Row text={fit(status.text, width)} color={color(status.tone)} bold={status.tone === 'status.error'} /> : null}
			{pagerShown ? (
				<LogsPane
					feed={logs}
					intent={{...state.logs, search: sanitizeName(state.logs.search, 200), scroll: state.scroll}}
					wrap={state.logs.wrap}
					timestamps={state.logs.timestamps}
					title={title}
					width={width}
					height={height - 1 - (status ? 1 : 0)}
					dispatch={dispatch}
				/>
			) : (
				<Row text={fit(title, width)} color={color('text.muted')} />
			)}
			{lines.map((line, index) => (
				<Row key={index} text={line.text} color={color(line.tone)} bold={line.bold} />
			))}
		</Box>
	);
}
