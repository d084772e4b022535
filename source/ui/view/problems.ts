/**
 * What needs a human first, as pure functions: the problem rank of a container or service,
 * the orders the lists can be sorted in, and the status cell (`up 3s`, `x1 5s`,
 * `exited (1) 5s ago`). Tested by equality.
 */
import {formatAge} from './format.js';
import type {ContainerView, Health} from './types.js';
import {compareText} from '../../engine/text/compare.js';

/** The orders Services and Containers can be sorted in; the sort key cycles through them. */
export const sortIds = ['problems', 'name', 'cpu', 'memory'] as const;

/** One list order. */
export type SortId = (typeof sortIds)[number];

/** The next order after `sort`. */
export const nextSort = (sort: SortId): SortId => sortIds[(sortIds.indexOf(sort) + 1) % sortIds.length]!;

/** What the rank and status cell read of a container. */
export type ProblemFacts = Pick<ContainerView, 'state' | 'crashLooping' | 'lastExitCode' | 'restartCount' | 'startedAtMs' | 'finishedAtMs'> & {readonly health: Health};

/** Problem ranks, most urgent first; the legend and README list them in this order. */
export const problemRanks = [
	{rank: 0, meaning: 'unhealthy'},
	{rank: 1, meaning: 'restarting or crash-looping'},
	{rank: 2, meaning: 'exited non-zero, or dead'},
	{rank: 3, meaning: 'health starting'},
	{rank: 4, meaning: 'the rest'},
] as const;

/** 0 unhealthy, 1 restarting / crash-looping, 2 exited non-zero or dead, 3 starting, 4 the rest. */
export function problemRank(facts: ProblemFacts): number {
	if (facts.state === 'running' && facts.health === 'unhealthy') return 0;
	if (facts.crashLooping || facts.state === 'restarting') return 1;
	if (facts.state === 'dead' || (facts.state === 'exited' && facts.lastExitCode !== undefined && facts.lastExitCode !== null && facts.lastExitCode !== 0)) return 2;
	if (facts.health === 'starting') return 3;
	return 4;
}

/** One entry to sort: its name, rank and figures. */
export type SortEntry = {readonly name: string; readonly rank: number; readonly cpuPercent?: number; readonly memoryBytes?: number};

const byNumberDescending = (a: number | undefined, b: number | undefined) => (b ?? -1) - (a ?? -1);

/** The comparator for `sort`: problems by rank, CPU and memory busiest first; ties by name. */
export function compareEntries(sort: SortId): (a: SortEntry, b: SortEntry) => number {
	const byName = (a: SortEntry, b: SortEntry) => compareText(a.name, b.name);
	switch (sort) {
		case 'problems': return (a, b) => a.rank - b.rank || byName(a, b);
		case 'name': return byName;
		case 'cpu': return (a, b) => byNumberDescending(a.cpuPercent, b.cpuPercent) || byName(a, b);
		case 'memory': return (a, b) => byNumberDescending(a.memoryBytes, b.memoryBytes) || byName(a, b);
	}
}

/**
 * The status cell: `up 3s` while running (`x1 up3s` when it was restarted after exiting with
 * code 1), `x1 5s` after an exit with code 1 five seconds ago (long form `exited (1) 5s ago`),
 * `paused`, `created`.
 */
export function statusCell(facts: ProblemFacts, now: number, long: boolean): string {
	if (facts.state === 'running') {
		const up = facts.startedAtMs ? `up ${formatAge(now - facts.startedAtMs)}` : 'up';
		// Restarted after a failure (a crash loop between two deaths): the failure stays in sight.
		const failed = (facts.restartCount ?? 0) > 0 && facts.lastExitCode !== undefined && facts.lastExitCode !== null && facts.lastExitCode !== 0;
		if (!failed) return up;
		return long ? `exit ${facts.lastExitCode}, ${up}` : `x${facts.lastExitCode} ${up.replace(' ', '')}`;
	}
	if (facts.state === 'paused' || facts.state === 'created' || facts.state === 'removing') return facts.state;
	const code = facts.lastExitCode;
	const age = facts.finishedAtMs ? formatAge(now - facts.finishedAtMs) : undefined;
	if (long) return `${facts.state}${code === undefined || code === null ? '' : ` (${code})`}${age ? ` ${age} ago` : ''}`;
	return code === undefined || code === null ? facts.state.slice(0, 7) : `x${code}${age ? ` ${age}` : ''}`;
}

/** The main pane's header line for a container: `restarts 4 · exit 1 · up 3s` (crash loop named first). */
export function crashLine(facts: ProblemFacts, now: number): string {
	const parts = [
		...(facts.crashLooping ? ['crash loop'] : []),
		`restarts ${facts.restartCount ?? 0}`,
		...(facts.lastExitCode === undefined || facts.lastExitCode === null ? [] : [`exit ${facts.lastExitCode}`]),
		statusCell({...facts, restartCount: 0}, now, true),
	];
	return parts.join(' · ');
}
