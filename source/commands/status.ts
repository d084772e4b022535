/**
 * `deckhand status [--json] [-p PROJECT]... [--no-stats]`: services grouped by project or
 * stack, once. An aligned table on a TTY; JSON when stdout is not a TTY or with --json.
 *
 * JSON shape (stable; one object):
 * {
 *   "swarmActive": boolean,
 *   "projects": [                                      // sorted by name, standalone last
 *     {
 *       "name": string | null,                         // null for the standalone group
 *       "kind": "compose" | "stack" | "standalone",
 *       "services": [                                  // sorted by name
 *         {
 *           "name": string,                            // compose service, stack service (prefix removed) or container name
 *           "kind": "compose" | "swarm" | "container",
 *           "state": "running" | "degraded" | "down" | "created" | "restarting" | "paused" | "removing" | "exited" | "dead",
 *           "health": "healthy" | "unhealthy" | "starting" | "none",   // worst of the running containers
 *           "replicas": {"running": number, "total": number},
 *           "cpuPercent": number | null,               // like docker stats: 100 = one CPU; summed over running containers
 *           "memoryBytes": number | null,              // usage minus inactive file cache; null when nothing was sampled
 *           "containers": string[]                     // full container ids
 *         }
 *       ]
 *     }
 *   ]
 * }
 *
 * With more than one engine (`--host A --host B`, `--context a --context b`; hosts first),
 * one object per engine in the order given, an unreachable one reported rather than fatal
 * (exit 0 when at least one answered, 3 when none did):
 * {"engines": [{"name": string, "host": string, "state": "connected" | "unreachable",
 *               "error"?: string, "swarmActive"?: boolean, "projects"?: [...as above]}]}
 */
import {connectPorts} from './connect.js';
import {readModel} from '../engine/live/model-source.js';
import {sampleOnce} from '../engine/stats/once.js';
import {readDeployHistory, type DeployRecord} from '../engine/deploy/history.js';
import {EngineUnreachableError, UsageError} from '../engine/errors.js';
import type {EnginePorts} from '../engine/ports/index.js';
import {summariseServices, type ContainerFigures, type ProjectSummary} from '../engine/model/services.js';
import {formatBytes, formatPercent} from '../engine/text/format.js';
import {escapeJsonForTerminal, sanitizeName} from '../engine/text/sanitize.js';
import {displayWidth, padEndToWidth, padStartToWidth} from '../engine/text/width.js';
import {defineCommand, type EngineChoice} from './types.js';

/** Sizes as the console prints them (`892K`, `45M`): one formatter for CLI and console. */
export {formatBytes} from '../engine/text/format.js';

/** The aligned table: one row per service, names sanitised for the terminal. */
export function formatStatusTable(projects: readonly ProjectSummary[]): string {
	const header = ['PROJECT', 'SERVICE', 'STATE', 'HEALTH', 'REPLICAS', 'CPU', 'MEMORY'];
	const rows = projects.flatMap(project =>
		project.services.map(service => [
			project.name === null ? '-' : sanitizeName(project.name, 40),
			sanitizeName(service.name, 40),
			service.state,
			service.health === 'none' ? '-' : service.health,
			`${service.replicas.running}/${service.replicas.total}`,
			formatPercent(service.cpuPercent),
			formatBytes(service.memoryBytes),
		]),
	);
	if (rows.length === 0) return 'no containers or services';
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => displayWidth(row[column]!))));
	const numeric = new Set([5, 6]);
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => (numeric.has(column) ? padStartToWidth(cell, widths[column]!) : padEndToWidth(cell, widths[column]!)))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n');
}

/** One line per deploy or rollback, newest last: time, action, service, result, total time, tarball digest, error. */
export function formatDeployHistory(records: readonly DeployRecord[]): string {
	if (records.length === 0) return 'no deploys recorded yet';
	return records.map(record => [
		record.time.replace('T', ' ').slice(0, 19),
		record.action.padEnd(8),
		padEndToWidth(sanitizeName(record.service), 24),
		record.result.padEnd(11),
		record.durations.total === undefined ? '-' : `${(record.durations.total / 1000).toFixed(1)}s`,
		record.tarballSha256 ? record.tarballSha256.slice(0, 12) : '',
		record.error ? sanitizeName(record.error, 120) : '',
	].join('  ').trimEnd()).join('\n');
}

export default defineCommand({
	name: 'status',
	usage: 'status [--json] [-p PROJECT]... [--no-stats] | status --deploys [SERVICE] [--json]',
	summary: 'Services grouped by project or stack, with state, health, replicas, CPU and memory',
	flags: {
		json: {type: 'boolean', default: false},
		project: {type: 'string', shortFlag: 'p', isMultiple: true},
		stats: {type: 'boolean', default: true},
		deploys: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, signal}) {
		if (flags.deploys) {
			// The deploy history is local state: no engine needed. JSON: the records of deploys.jsonl, oldest first.
			if (input.length > 1) throw new UsageError('status --deploys takes at most one SERVICE');
			const records = await readDeployHistory({service: input[0]});
			stdout.write(flags.json || stdout.isTTY !== true ? `${escapeJsonForTerminal(JSON.stringify(records))}\n` : `${formatDeployHistory(records)}\n`);
			return 0;
		}
		if (input.length > 0) throw new UsageError(`status takes no arguments (got "${input[0]}"; filter with -p PROJECT)`);
		const options = {projects: flags.project, stats: flags.stats, signal, json: flags.json};
		const engines = global.engines ?? [];
		if (engines.length > 1) return statusOfEngines(engines, options, stdout);
		const {ports} = await connectPorts(global);
		const {swarmActive, projects} = await engineStatus(ports, options);
		const json = flags.json || stdout.isTTY !== true;
		stdout.write(json ? `${escapeJsonForTerminal(JSON.stringify({swarmActive, projects}))}\n` : `${formatStatusTable(projects)}\n`);
		return 0;
	},
});

type StatusOptions = {readonly json?: boolean; readonly projects?: readonly string[]; readonly stats: boolean; readonly signal?: AbortSignal};

/** One engine's projects (filtered by name), with CPU and memory sampled once when asked. */
async function engineStatus(ports: EnginePorts, options: StatusOptions): Promise<{swarmActive: boolean; projects: ProjectSummary[]}> {
	const state = await readModel(ports);
	const wanted = options.projects && options.projects.length > 0 ? new Set(options.projects) : undefined;
	const keep = (project: ProjectSummary) => !wanted || (project.name !== null && wanted.has(project.name));
	let projects = summariseServices(state).filter(keep);
	if (options.stats) {
		const running = projects.flatMap(project => project.services.flatMap(service => (service.state === 'running' || service.state === 'degraded' ? service.containers : [])));
		const ids = running.filter(id => state.containers[id]?.state === 'running');
		const sampled = await sampleOnce(ports, ids, {signal: options.signal});
		const figures = new Map<string, ContainerFigures>([...sampled].map(([id, stats]) => [id, {cpuPercent: stats.cpuPercent, memoryBytes: stats.memoryBytes}]));
		projects = summariseServices(state, figures).filter(keep);
	}
	return {swarmActive: state.swarmActive, projects};
}

/** Several engines at once, in parallel: one that fails is reported, never waited on by the others. */
async function statusOfEngines(engines: readonly EngineChoice[], options: StatusOptions, stdout: NodeJS.WritableStream & {isTTY?: boolean}): Promise<number> {
	const reports = await Promise.all(engines.map(async engine => {
		try {
			const {connection, ports} = await connectPorts({host: engine.host, context: engine.context});
			const status = await engineStatus(ports, options);
			return {name: engine.name, host: connection.endpoint.host, state: 'connected' as const, ...status};
		} catch (error) {
			if (error instanceof UsageError) throw error;
			return {name: engine.name, host: engine.host ?? engine.context, state: 'unreachable' as const, error: error instanceof Error ? error.message.split('\n')[0] : String(error)};
		}
	}));
	if (reports.every(report => report.state === 'unreachable')) {
		throw new EngineUnreachableError(`no engine reachable: ${reports.map(report => `${report.name}: ${report.error}`).join('; ')}`);
	}
	if (options.json || stdout.isTTY !== true) {
		stdout.write(`${escapeJsonForTerminal(JSON.stringify({engines: reports}))}\n`);
	} else {
		stdout.write(`${reports.map(report => `== ${sanitizeName(report.name, 80)} (${report.state})\n${report.state === 'connected' ? formatStatusTable(report.projects) : sanitizeName(report.error ?? '', 200)}`).join('\n\n')}\n`);
	}
	return 0;
}
