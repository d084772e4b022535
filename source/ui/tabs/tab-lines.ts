/**
 * Each tab's content as plain lines (text + tone), pure and sanitised, so the main area
 * only slices and draws them and tests compare them by equality.
 */
import {isSecretName, MASK, maskCommandLine, maskEnvEntry, maskSecretsInText, maskValue} from '../../engine/text/secrets.js';
import {sanitizeName, sanitizeText} from '../../engine/text/sanitize.js';
import type {ThemeToken} from '../theme/theme.js';
import {alignRight, fit, formatBytes, formatPercent, sparkline} from '../view/format.js';
import type {ContainerDetails, ProcessTable, StatsSample} from '../view/types.js';

/** One line of a tab. */
export type TabLine = {readonly text: string; readonly tone: ThemeToken; readonly bold?: boolean};

const line = (text: string, tone: ThemeToken = 'text.primary', bold = false): TabLine => ({text, tone, bold});

const rate = (samples: readonly StatsSample[], pick: (sample: StatsSample) => number | undefined): number[] => {
	const values: number[] = [];
	for (let index = 1; index < samples.length; index++) {
		const now = pick(samples[index]!);
		const before = pick(samples[index - 1]!);
		const seconds = (samples[index]!.time - samples[index - 1]!.time) / 1000;
		values.push(now === undefined || before === undefined || seconds <= 0 ? 0 : Math.max(0, (now - before) / seconds));
	}
	return values;
};

/** The Stats tab: current value and a sparkline per metric over the kept history. */
export function statsLines(samples: readonly StatsSample[], width: number): TabLine[] {
	if (samples.length === 0) return [line('waiting for stats…', 'text.muted')];
	const last = samples.at(-1)!;
	const graphWidth = Math.max(5, width - 24);
	const row = (label: string, value: string, values: readonly number[], tone: ThemeToken, max?: number) => [
		line(fit(`${label.padEnd(8)}${alignRight(value, 14)}  ${sparkline(values, graphWidth, max)}`, width), tone),
	];
	const netRx = rate(samples, sample => sample.netRxBytes);
	const netTx = rate(samples, sample => sample.netTxBytes);
	const blockRead = rate(samples, sample => sample.blockReadBytes);
	const blockWrite = rate(samples, sample => sample.blockWriteBytes);
	const seconds = Math.round((last.time - samples[0]!.time) / 1000);
	return [
		...row('CPU', formatPercent(last.cpuPercent), samples.map(sample => sample.cpuPercent), 'chart.cpu'),
		...row('Memory', `${formatBytes(last.memoryBytes)}${last.memoryLimit ? `/${formatBytes(last.memoryLimit)}` : ''}`, samples.map(sample => sample.memoryBytes), 'chart.memory'),
		...row('Net rx', `${formatBytes(netRx.at(-1))}/s`, netRx, 'text.primary'),
		...row('Net tx', `${formatBytes(netTx.at(-1))}/s`, netTx, 'text.primary'),
		...row('Blk rd', `${formatBytes(blockRead.at(-1))}/s`, blockRead, 'text.primary'),
		...row('Blk wr', `${formatBytes(blockWrite.at(-1))}/s`, blockWrite, 'text.primary'),
		line(fit(`last ${seconds}s, ${samples.length} samples`, width), 'text.muted'),
	];
}

/** `NAME=value` with secrets masked (by the name, or by the value's shape) unless `reveal` is on. */
export function maskEnv(entry: string, reveal: boolean): string {
	if (reveal) return entry;
	const equals = entry.indexOf('=');
	if (equals > 0 && entry.length > equals + 1 && isSecretName(entry.slice(0, equals))) return `${entry.slice(0, equals)}=${MASK} (v reveals)`;
	return maskEnvEntry(entry);
}

/** The Inspect tab: config with secrets masked. */
export function inspectLines(details: ContainerDetails, reveal: boolean, width: number): TabLine[] {
	const field = (name: string, value: string) => line(fit(`${name.padEnd(10)} ${sanitizeText(value, {maxLength: 500})}`, width));
	const section = (name: string, values: readonly string[]) => [
		line(fit(`${name} (${values.length})`, width), 'text.title', true),
		...values.map(value => line(fit(`  ${sanitizeText(value, {maxLength: 500})}`, width))),
	];
	return [
		field('Name', details.name.replace(/^\//, '')),
		field('Id', details.id.slice(0, 12)),
		field('Image', details.image),
		field('Command', reveal ? details.command.join(' ') : maskCommandLine(details.command)),
		field('State', `${details.state}${details.startedAt ? ` since ${details.startedAt}` : ''}`),
		field('Restart', details.restartPolicy ?? '-'),
		field('Network', details.networkMode ?? '-'),
		...(details.healthcheck ? [field('Health', reveal ? details.healthcheck : maskSecretsInText(details.healthcheck))] : []),
		...section('Env', details.env.map(entry => maskEnv(entry, reveal))),
		...section('Ports', details.ports),
		...section('Mounts', details.mounts),
		...section('Labels', Object.entries(details.labels).map(([key, value]) => `${key}=${reveal ? value : maskValue(key, value)}`)),
	];
}

/** The Health tab: the check, then each recent result with its output (newest first). */
export function healthLines(details: ContainerDetails, width: number): TabLine[] {
	const header = [
		line(fit(`State ${details.state}${details.exitCode ? ` (exit ${details.exitCode})` : ''}`, width), 'text.title', true),
		line(fit(`Check ${details.healthcheck ? sanitizeText(maskSecretsInText(details.healthcheck)) : 'none (no healthcheck: health is the container state)'}`, width), 'text.muted'),
	];
	const results = [...details.health].reverse().flatMap(result => {
		const tone: ThemeToken = result.exitCode === 0 ? 'status.ok' : 'status.error';
		const output = sanitizeText(result.output.trim(), {maxLength: 400}).split('\\n').filter(Boolean);
		return [
			line(fit(`${result.exitCode === 0 ? '●' : '✗'} ${sanitizeName(result.start, 40)} exit ${result.exitCode}`, width), tone),
			...output.slice(0, 3).map(text => line(fit(`  ${text}`, width), 'text.muted')),
		];
	});
	const findings = details.findings ?? [];
	const doctor = findings.length === 0 ? [] : [
		line(fit(`Doctor: ${findings.length} finding${findings.length === 1 ? '' : 's'} (deckhand doctor for details)`, width), 'text.title', true),
		...findings.flatMap(finding => [
			line(fit(`${finding.severity === 'error' ? '✗' : finding.severity === 'warning' ? '!' : '·'} ${sanitizeName(finding.rule, 60)} ${sanitizeName(finding.where, 80)}  ${sanitizeText(finding.message)}`, width), finding.severity === 'error' ? 'status.error' : finding.severity === 'warning' ? 'status.warning' : 'text.muted'),
			line(fit(`  fix: ${sanitizeText(finding.fix)}`, width), 'text.muted'),
		]),
	];
	return [...header, ...(results.length > 0 ? results : [line('no probe results yet', 'text.muted')]), ...doctor];
}

/** The Top tab: a process table with columns fitted to the width (the command takes the rest). */
export function topLines(table: ProcessTable, width: number): TabLine[] {
	const wanted = ['PID', 'USER', '%CPU', 'TIME', 'CMD', 'COMMAND'];
	const columns = table.titles.map((title, index) => ({title, index})).filter(column => wanted.includes(column.title));
	const used = columns.length > 0 ? columns : table.titles.map((title, index) => ({title, index}));
	const render = (cells: readonly string[]) =>
		used
			.map((column, position) => (position === used.length - 1 ? cells[column.index] ?? '' : fit(sanitizeName(cells[column.index] ?? '', 20), 8)))
			.join(' ');
	return [line(fit(render(table.titles), width), 'text.title', true), ...table.processes.map(process => line(fit(sanitizeText(render(process)), width)))];
}
