/**
 * The console's container list, asked for in the first milliseconds of the process (cli.tsx),
 * while Ink, React and dockerode still load: one plain HTTP request over a local unix socket.
 * The live model is seeded with the answer (no second listing) and the first frame shows rows.
 *
 * Only endpoints that resolve cheaply to a local unix socket qualify (--host, DOCKER_HOST, or
 * the default socket when no docker context is chosen); contexts, tcp and ssh take the usual
 * path. Anything unexpected (no socket, an error status, a body that does not parse, a slow
 * answer) yields undefined and the console lists as before.
 */
import {readFileSync} from 'node:fs';
import {request} from 'node:http';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {ListedContainerJson} from '../engine/ports/index.js';

/** The flags of the console that choose an engine (parsed by cli.tsx's console fast path). */
export type EarlyTarget = {readonly host?: string; readonly context?: string};

/** A listing the live model can start from. */
export type EarlyList = {
	/** The DOCKER_HOST-style URL asked, e.g. `unix:///var/run/docker.sock`. */
	readonly host: string;
	/** Wall-clock ms when the request was sent: events from then on are replayed. */
	readonly sentAtMs: number;
	readonly containers: readonly ListedContainerJson[];
};

const defaultSocket = 'unix:///var/run/docker.sock';

/**
 * The unix-socket URL the console will connect to, when that is knowable without loading the
 * connection code; undefined for contexts, tcp, ssh and anything unclear (pure).
 * `currentContext` is read lazily (config.json) only when nothing else decides.
 */
export function earlyUnixHost(target: EarlyTarget, env: NodeJS.ProcessEnv, currentContext: () => string | undefined): string | undefined {
	if (target.host && target.context) return undefined;
	const chosen = target.host || env.DOCKER_HOST;
	if (chosen) return chosen.startsWith('unix://') && chosen.length > 'unix://'.length ? chosen : undefined;
	const context = target.context ?? (env.DOCKER_CONTEXT || currentContext());
	return context && context !== 'default' ? undefined : defaultSocket;
}

/** `currentContext` from the docker config file; undefined when absent, "?" (not default) when unreadable. */
export function readCurrentContextCheaply(env: NodeJS.ProcessEnv, homeDirectory = homedir()): string | undefined {
	const directory = env.DOCKER_CONFIG ? env.DOCKER_CONFIG : join(homeDirectory, '.docker');
	let text: string;
	try {
		text = readFileSync(join(directory, 'config.json'), 'utf8');
	} catch {
		return undefined;
	}
	try {
		const current = (JSON.parse(text) as {currentContext?: unknown} | null)?.currentContext;
		return typeof current === 'string' && current !== '' ? current : undefined;
	} catch {
		// A malformed file: let the usual path report it.
		return '?';
	}
}

/** The containers in a `/containers/json` answer, or undefined when it is not that (pure). */
export function parseContainerList(status: number, body: string): ListedContainerJson[] | undefined {
	if (status !== 200) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (!Array.isArray(parsed)) return undefined;
	const valid = parsed.every(entry => entry && typeof entry === 'object' && typeof (entry as {Id?: unknown}).Id === 'string' && typeof (entry as {State?: unknown}).State === 'string');
	return valid ? (parsed as ListedContainerJson[]) : undefined;
}

/**
 * Sends `GET /containers/json?all=1` to `host` (a unix:// URL) now; resolves with the listing,
 * or undefined on any failure or after `timeoutMs`. Never rejects. The request is unversioned:
 * the engine answers at its own API version, which for the engines deckhand pins (≤ 1.52) is
 * the pinned one, and only adds fields beyond it.
 */
export async function requestEarlyList(host: string, timeoutMs = 2000): Promise<EarlyList | undefined> {
	const sentAtMs = Date.now();
	return new Promise(resolve => {
		const chunks: Buffer[] = [];
		const call = request({socketPath: host.slice('unix://'.length), path: '/containers/json?all=1', method: 'GET', headers: {host: 'docker'}, timeout: timeoutMs}, response => {
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const containers = parseContainerList(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'));
				resolve(containers ? {host, sentAtMs, containers} : undefined);
			});
			response.on('error', () => resolve(undefined));
		});
		call.on('timeout', () => call.destroy());
		call.on('error', () => resolve(undefined));
		call.end();
	});
}
