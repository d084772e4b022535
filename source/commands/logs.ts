/**
 * `deckhand logs SERVICE [-f] [--since DUR] [--tail N] [--grep RE] [--timestamps]`: a
 * container's logs (or every replica of a service, interleaved with a name prefix), stdout
 * to stdout and stderr to stderr, following across restarts with `-f`.
 */
import {connectPorts} from './connect.js';
import {parseDuration} from '../engine/duration.js';
import {UsageError} from '../engine/errors.js';
import type {LogLine} from '../engine/logs/decode.js';
import {followLogs, logCapabilities} from '../engine/logs/follow.js';
import {resolveLogTargets, type LogTarget} from '../engine/logs/resolve-target.js';
import {timestampNanos} from '../engine/logs/timestamps.js';
import {sanitizeLogLine, sanitizeName} from '../engine/text/sanitize.js';
import {defineCommand} from './types.js';

/** `--since`: a duration back from now (`10m`) or an absolute RFC 3339 time; ms since the epoch. */
export function parseSince(text: string, now = Date.now()): number | undefined {
	const duration = parseDuration(text);
	if (duration !== undefined) return now - duration;
	if (!/^\d{4}-\d\d-\d\d/.test(text)) return undefined;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : at;
}

/** `--tail`: a count of lines or `all`. */
export function parseTail(text: string): number | undefined | 'invalid' {
	if (text === 'all') return undefined;
	return /^\d+$/.test(text) ? Number(text) : 'invalid';
}

/** The printed form of one line: optional replica prefix and timestamp, sanitised text. */
export function formatLogLine(line: LogLine, options: {readonly prefix?: string; readonly timestamps: boolean}): string {
	return `${options.prefix ?? ''}${options.timestamps && line.timestamp ? `${line.timestamp} ` : ''}${sanitizeLogLine(line.text)}`;
}

export default defineCommand({
	name: 'logs',
	usage: 'deckhand logs SERVICE [-f] [--since DUR] [--tail N] [--grep RE] [--timestamps]',
	summary: 'Show (and with -f follow, across restarts) the logs of a container or every replica of a service',
	flags: {
		follow: {type: 'boolean', shortFlag: 'f', default: false},
		since: {type: 'string'},
		tail: {type: 'string'},
		grep: {type: 'string'},
		timestamps: {type: 'boolean', shortFlag: 't', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		if (input.length !== 1) throw new UsageError(`logs takes exactly one SERVICE (got ${input.length})`);
		const sinceMs = flags.since === undefined ? undefined : parseSince(flags.since);
		if (flags.since !== undefined && sinceMs === undefined) throw new UsageError(`invalid --since "${flags.since}" (use e.g. 90s, 10m, 2h or an RFC 3339 time)`);
		const tail = flags.tail === undefined ? undefined : parseTail(flags.tail);
		if (tail === 'invalid') throw new UsageError(`invalid --tail "${flags.tail}" (use a number of lines or "all")`);
		let grep: RegExp | undefined;
		try {
			grep = flags.grep === undefined ? undefined : new RegExp(flags.grep);
		} catch (error) {
			throw new UsageError(`invalid --grep regular expression: ${(error as Error).message}`);
		}

		const {ports} = await connectPorts(global);
		const containers = await ports.containers.list({all: true});
		const resolution = resolveLogTargets(
			containers.map(container => ({id: container.Id, names: container.Names ?? [], labels: container.Labels ?? {}})),
			input[0]!,
		);
		if (resolution.kind === 'unknown') throw new UsageError(`unknown service "${sanitizeName(input[0])}" (no container name, id or compose service matches)`);
		if (resolution.kind === 'ambiguous') throw new UsageError(`"${sanitizeName(input[0])}" matches several containers: ${resolution.candidates.map(name => sanitizeName(name)).join(', ')}`);

		const targets = resolution.targets;
		const width = Math.max(...targets.map(target => sanitizeName(target.label).length));
		const prefixOf = (target: LogTarget) => (targets.length > 1 ? `${sanitizeName(target.label).padEnd(width)} | ` : undefined);
		const write = (target: LogTarget, lines: LogLine[]) => {
			const prefix = prefixOf(target);
			for (const line of lines) {
				if (grep && !grep.test(line.text)) continue;
				(line.stream === 'stderr' ? stderr : stdout).write(`${formatLogLine(line, {prefix, timestamps: flags.timestamps})}\n`);
			}
		};
		const capabilities = logCapabilities(ports);

		if (flags.follow) {
			await Promise.all(targets.map(async target => followLogs(capabilities, target.id, {follow: true, sinceMs, tail, signal, onLines: lines => write(target, lines)})));
			return 0;
		}
		// Without -f, replicas are read whole and interleaved by time.
		const collected: Array<{target: LogTarget; line: LogLine; order: number}> = [];
		let order = 0;
		await Promise.all(
			targets.map(async target =>
				followLogs(capabilities, target.id, {follow: false, sinceMs, tail, signal, onLines: lines => collected.push(...lines.map(line => ({target, line, order: order++})))}),
			),
		);
		const key = (entry: (typeof collected)[number]) => timestampNanos(entry.line.timestamp) ?? 0n;
		collected.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.order - b.order));
		for (const entry of collected) write(entry.target, [entry.line]);
		return 0;
	},
});
