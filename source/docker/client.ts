/**
 * The dockerode client for the engine the flags and environment point at (resolution in
 * connection.ts), and `connectEngine`, which also proves the engine answers.
 */
import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import {DockerClient} from './dockerode.js';
import {EngineUnreachableError} from '../engine/ports/wire.js';
import {dockerOptionsFor, resolveEndpoint, silenceModemSshUrlWarning, type EngineEndpoint} from './connection.js';
import {readBoundedBytes} from '../engine/files/read-bounded.js';
import {createSshAgent} from './ssh-transport.js';
import {EngineNotAnsweringError, installDeadlines, requestDeadlineFromEnv} from './deadlines.js';

/** Where deckhand was asked to connect (global flags; environment fills the rest). */
export type ConnectOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** Home directory for ~/.docker and ~/.ssh (default: the user's). */
	readonly homeDirectory?: string;
};

/** A resolved engine: the dockerode client and a human description of how it was reached. */
export type EngineConnection = {
	readonly docker: Docker;
	/** e.g. `unix:///var/run/docker.sock (DOCKER_HOST)` or `context prod (ssh://ops@db1)`. */
	readonly description: string;
	/** The DOCKER_HOST-style URL in use. */
	readonly host: string;
	/** How the endpoint was chosen (kind, source, context, TLS). */
	readonly endpoint: EngineEndpoint;
	/** What the engine's `/_ping` said (set by connectEngine, which also pins the API version). */
	readonly ping?: PingFacts;
};

/** The newest Docker API version deckhand knows (1.52: health in the container list). */
export const maxApiVersion = '1.52';

/** What an engine's `/_ping` headers say. */
export type PingFacts = {
	/** `Api-Version`: the newest API version the engine speaks. */
	readonly apiVersion?: string;
	/** The version deckhand pins its requests to: the older of the engine's and `maxApiVersion`. */
	readonly pinnedVersion?: string;
	/** `Swarm` (API 1.43+): `inactive`, `pending`, `error`, `locked`, `active/worker` or `active/manager`. */
	readonly swarm?: string;
	/** `Server`, e.g. `Docker/20.10.24 (linux)` or `Libpod/4.3.1 (linux)`. */
	readonly server?: string;
	/** `Libpod-Api-Version`: set by Podman's Docker-compatible service only. */
	readonly libpodVersion?: string;
};

/** The older of two `1.NN` API versions; undefined when the engine named none that parses. */
export function negotiateApiVersion(server: string | undefined, ours: string = maxApiVersion): string | undefined {
	const parse = (version: string | undefined) => (version && /^\d+\.\d+$/.test(version) ? version.split('.').map(Number) as [number, number] : undefined);
	const theirs = parse(server);
	const mine = parse(ours)!;
	if (!theirs) return undefined;
	return theirs[0] < mine[0] || (theirs[0] === mine[0] && theirs[1] <= mine[1]) ? server : ours;
}

/** The facts in `/_ping` response headers (header names lower-cased, as Node gives them). */
export function pingFactsFromHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): PingFacts {
	const one = (name: string) => {
		const value = headers[name];
		return (Array.isArray(value) ? value[0] : value) || undefined;
	};
	const apiVersion = one('api-version');
	const pinnedVersion = negotiateApiVersion(apiVersion);
	const facts = {apiVersion, pinnedVersion, swarm: one('swarm'), server: one('server'), libpodVersion: one('libpod-api-version')};
	return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as PingFacts;
}

/** GETs the unversioned `/_ping` (as the docker CLI does to negotiate) and answers its headers' facts. */
export async function pingFacts(docker: Docker, deadlineMs?: number): Promise<PingFacts> {
	const modem = docker.modem as unknown as {dial(options: object, callback: (error: unknown, response?: NodeJS.ReadableStream & {headers: Record<string, string>}) => void): void; version?: string};
	const response = await new Promise<NodeJS.ReadableStream & {headers: Record<string, string>}>((resolve, reject) => {
		// dial puts the pinned version in front of the path at once: unpinned for this request
		// only, so requests sent while the ping is in flight keep their version.
		const pinned = modem.version;
		modem.version = undefined;
		try {
			modem.dial({path: '/_ping', method: 'GET', isStream: true, deadlineMs, statusCodes: {200: true, 500: 'server error'}}, (error, response) => (error || !response ? reject(error ?? new Error('no answer')) : resolve(response)));
		} finally {
			modem.version = pinned;
		}
	});
	response.resume();
	return pingFactsFromHeaders(response.headers);
}

/** Pins every later request of `docker` to `/v<version>/...`, as negotiated from its ping. */
export function pinApiVersion(docker: Docker, facts: PingFacts): void {
	if (facts.pinnedVersion) (docker.modem as unknown as {version?: string}).version = `v${facts.pinnedVersion}`;
}

const readTextOrUndefined = (file: string): string | undefined => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
};

/** The first default ssh identity, for ssh endpoints when no agent is running. */
function defaultSshKey(env: NodeJS.ProcessEnv, homeDirectory: string): Buffer | undefined {
	if (env.SSH_AUTH_SOCK) return undefined;
	for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
		try {
			return readFileSync(path.join(homeDirectory, '.ssh', name));
		} catch {
			// Try the next identity.
		}
	}
	return undefined;
}

/** A client for one endpoint (no network traffic yet); every request it sends has a deadline (deadlines.ts). */
export function clientFor(endpoint: EngineEndpoint, env: NodeJS.ProcessEnv = process.env, homeDirectory = os.homedir()): Docker {
	return installDeadlines(bareClientFor(endpoint, env, homeDirectory), endpoint.host, requestDeadlineFromEnv(env));
}

function bareClientFor(endpoint: EngineEndpoint, env: NodeJS.ProcessEnv, homeDirectory: string): Docker {
	const sshKey = endpoint.kind === 'ssh' ? defaultSshKey(env, homeDirectory) : undefined;
	const options = dockerOptionsFor(endpoint, file => readBoundedBytes(file, 1024 * 1024), env, sshKey);
	if (endpoint.kind !== 'ssh') return new DockerClient(options);
	silenceModemSshUrlWarning();
	// Plain HTTP through pooled SSH connections rather than docker-modem's connection per request.
	const {host, port, username, sshOptions} = options as {host: string; port: number; username?: string; sshOptions?: Record<string, unknown>};
	return new DockerClient({...options, protocol: 'http', sshOptions: undefined, agent: createSshAgent({...sshOptions, host, port, username})} as Docker.DockerOptions);
}

/**
 * Builds a client for the engine the options and environment point at, without contacting
 * it. Throws UsageError for conflicting flags, unknown contexts or malformed hosts.
 */
export function createConnection(options: ConnectOptions = {}): EngineConnection {
	const env = options.env ?? process.env;
	const homeDirectory = options.homeDirectory ?? os.homedir();
	const endpoint = resolveEndpoint({host: options.host, context: options.context, env, homeDirectory, readFile: readTextOrUndefined});
	return {docker: clientFor(endpoint, env, homeDirectory), description: endpoint.description, host: endpoint.host, endpoint};
}

/**
 * Resolves with the ping's facts when `docker` answers within `timeoutMs`, else rejects with
 * the reason. The request's own deadline (deadlines.ts, installed by clientFor) is the timer:
 * it tears the request down, so nothing is left pending.
 */
export async function pingWithin(docker: Docker, timeoutMs: number): Promise<PingFacts> {
	return pingFacts(docker, timeoutMs).catch((error: unknown) => {
		throw error instanceof EngineNotAnsweringError ? new Error(`no answer within ${timeoutMs} ms`) : error;
	});
}

/** How to fix an unreachable endpoint, by how it was chosen (and whether the socket refused us). */
function remedy(endpoint: EngineEndpoint, denied = false): string {
	if (denied) return 'the socket exists but this user may not use it: add the user to the docker group or use sudo';
	if (endpoint.source === 'context') return `check the context with \`docker --context ${endpoint.context} info\`, or pick another with --context / DOCKER_CONTEXT`;
	if (endpoint.kind === 'ssh') return 'check that `ssh` to that host works and docker runs there, or set DOCKER_HOST / --host / --context';
	if (endpoint.kind === 'tcp') return 'check that dockerd listens there (and the TLS files in DOCKER_CERT_PATH), or set DOCKER_HOST / --host / --context';
	return 'start dockerd (or mount its socket), or set DOCKER_HOST / --host, or pick a context with --context';
}

/**
 * Resolves the endpoint and proves it answers within `timeoutMs`. When nothing was
 * configured, the per-user Docker Desktop socket is tried after the system one, as the
 * docker client does. Unreachable → EngineUnreachableError (exit 3) naming every attempt.
 */
export async function connectEngine(options: ConnectOptions & {readonly timeoutMs?: number} = {}): Promise<EngineConnection> {
	const first = createConnection(options);
	// An ssh engine's first answer includes a handshake and a remote login shell: 10 s, not 3.
	const timeoutMs = options.timeoutMs ?? (first.endpoint.kind === 'ssh' ? 10_000 : 3000);
	const candidates = [first];
	if (first.endpoint.source === 'default') {
		const userSocket = path.join(options.homeDirectory ?? os.homedir(), '.docker', 'run', 'docker.sock');
		const endpoint: EngineEndpoint = {...first.endpoint, host: `unix://${userSocket}`, description: `unix://${userSocket} (Docker Desktop socket)`};
		candidates.push({docker: clientFor(endpoint, options.env ?? process.env, options.homeDirectory ?? os.homedir()), description: endpoint.description, host: endpoint.host, endpoint});
	}
	const tried: string[] = [];
	let denied = false;
	for (const candidate of candidates) {
		try {
			const ping = await pingWithin(candidate.docker, timeoutMs);
			pinApiVersion(candidate.docker, ping);
			return {...candidate, ping};
		} catch (error) {
			tried.push(`${candidate.description}: ${(error as Error).message}`);
			if (candidate === first && ['EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) denied = true;
		}
	}
	throw new EngineUnreachableError(`no Docker engine answered (tried ${tried.join('; ')}); ${remedy(first.endpoint, denied)}`, tried);
}
