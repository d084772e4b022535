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
 */
import {connectPorts} from './connect.js';
import {readModel} from '../engine/live/model-source.js';
import {sampleOnce} from '../engine/stats/once.js';
import {readDeployHistory, type DeployRecord} from '../engine/deploy/history.js';
import {UsageError} from '../engine/errors.js';
import {summariseServices, type ContainerFigures, type ProjectSummary} from '../engine/model/services.js';
import {formatBytes, formatPercent} from '../engine/text/format.js';
import {escapeJsonForTerminal, sanitizeName} from '../engine/text/sanitize.js';
import {displayWidth, padEndToWidth, padStartToWidth} from '../engine/text/width.js';
import {defineCommand} from './types.js';

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
		const {ports} = await connectPorts(global);
		const state = await readModel(ports);
		const wanted = flags.project && flags.project.length > 0 ? new Set(flags.project) : undefined;
		const keep = (project: ProjectSummary) => !wanted || (project.name !== null && wanted.has(project.name));
		let projects = summariseServices(state).filter(keep);
		if (flags.stats) {
			const running = projects.flatMap(project => project.services.flatMap(service => (service.state === 'running' || service.state === 'degraded' ? service.containers : [])));
			const ids = running.filter(id => state.containers[id]?.state === 'running');
			const sampled = await sampleOnce(ports, ids, {signal});
			const figures = new Map<string, ContainerFigures>([...sampled].map(([id, stats]) => [id, {cpuPercent: stats.cpuPercent, memoryBytes: stats.memoryBytes}]));
			projects = summariseServices(state, figures).filter(keep);
		}
		const json = flags.json || stdout.isTTY !== true;
		stdout.write(json ? `${escapeJsonForTerminal(JSON.stringify({swarmActive: state.swarmActive, projects}))}\n` : `${formatStatusTable(projects)}\n`);
		return 0;
	},
});
