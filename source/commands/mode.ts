/**
 * `deckhand mode [--json]`: how deckhand reaches the engine and the engine's facts.
 *
 * JSON shape (stable; one object):
 * {
 *   "mode": "host" | "socket" | "dind" | "remote",
 *   "containerId": string | null,        // our own container when inside one
 *   "evidence": string[],                // why this mode was chosen
 *   "parallelism": number,               // parallel engine operations plans use in this mode
 *   "endpoint": {"host": string, "source": "flag" | "env" | "context" | "default", "context": string | null},
 *   "engine": {"product": "docker" | "podman", "version": string, "apiVersion": string, "os": string, "arch": string, "kernel": string,
 *              "cgroupVersion": "1" | "2", "cgroupDriver": string, "swarm": "inactive" | "active" | "pending" | "error" | "locked"}
 * }
 */
import {connectPorts} from './connect.js';
import {describeEngine, type ModeDescription} from '../engine/mode/engine-mode.js';
import {UsageError} from '../engine/errors.js';
import {defineCommand} from './types.js';

/** The human form: aligned `key  value` lines. */
export function formatModeDescription(description: ModeDescription): string {
	const rows: Array<[string, string]> = [
		['mode', `${description.mode}${description.containerId ? ` (container ${description.containerId.slice(0, 12)})` : ''}`],
		['why', description.evidence.join('; ')],
		['endpoint', `${description.endpoint.host} (${description.endpoint.context ? `context ${description.endpoint.context}` : description.endpoint.source})`],
		['engine', `${description.engine.product === 'podman' ? 'podman ' : ''}${description.engine.version} (API ${description.engine.apiVersion})`],
		['os', `${description.engine.os} ${description.engine.arch}, kernel ${description.engine.kernel}`],
		['cgroup', `v${description.engine.cgroupVersion}${description.engine.cgroupDriver ? ` (${description.engine.cgroupDriver})` : ''}`],
		['swarm', description.engine.swarm],
		['parallelism', String(description.parallelism)],
	];
	const width = Math.max(...rows.map(([key]) => key.length));
	return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}

export default defineCommand({
	name: 'mode',
	usage: 'mode [--json]',
	summary: 'Show how deckhand reaches the engine (host, socket, dind, remote) and the engine facts',
	flags: {
		json: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout}) {
		if (input.length > 0) throw new UsageError(`mode takes no arguments (got "${input[0]}")`);
		const {ports} = await connectPorts(global);
		const description = await describeEngine(ports);
		stdout.write(flags.json ? `${JSON.stringify(description)}\n` : `${formatModeDescription(description)}\n`);
		return 0;
	},
});
