/**
 * Which engine to talk to, resolved like the docker CLI: `--context` and `--host` (not
 * both), then `DOCKER_HOST`, then `DOCKER_CONTEXT`, then `currentContext` in the CLI
 * config, then the default socket. `resolveEndpoint` is a pure function of flags, env and
 * an injected file reader; `dockerOptionsFor` turns the result into dockerode options.
 */
import https from 'node:https';
import path from 'node:path';
import type Docker from 'dockerode';
import {UsageError} from '../engine/ports/wire.js';
import {dockerConfigDirectory, readContextEndpoint, readCurrentContext, type ReadTextFile} from './contexts.js';

/** How the endpoint is reached. */
export type EndpointKind = 'unix' | 'tcp' | 'ssh';

/** TLS material for a tcp endpoint (paths), and whether the server certificate is verified. */
export type EndpointTls = {
	readonly ca?: string;
	readonly cert?: string;
	readonly key?: string;
	readonly verify: boolean;
};

/** A resolved engine endpoint and where the choice came from. */
export type EngineEndpoint = {
	readonly kind: EndpointKind;
	/** DOCKER_HOST-style URL, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`. */
	readonly host: string;
	readonly source: 'flag' | 'env' | 'context' | 'default';
	/** The docker context name when one was used. */
	readonly context?: string;
	readonly tls?: EndpointTls;
	/** Human description, e.g. `context prod (ssh://ops@db1)` or `unix:///... (DOCKER_HOST)`. */
	readonly description: string;
};

/** Everything endpoint resolution reads. */
export type ResolveInput = {
	readonly host?: string;
	readonly context?: string;
	readonly env: NodeJS.ProcessEnv;
	readonly homeDirectory: string;
	readonly readFile: ReadTextFile;
};

/** The socket the docker CLI uses when nothing else is configured. */
export const defaultSocketHost = 'unix:///var/run/docker.sock';

/** Resolves the endpoint the docker CLI would use for these flags and this environment. */
export function resolveEndpoint(input: ResolveInput): EngineEndpoint {
	const {env} = input;
	if (input.host && input.context) throw new UsageError('use either --host or --context, not both');
	const configDirectory = dockerConfigDirectory(env, input.homeDirectory);
	const contextName = input.context ?? (input.host || env.DOCKER_HOST ? undefined : env.DOCKER_CONTEXT || readCurrentContext(configDirectory, input.readFile));
	if (contextName && contextName !== 'default') {
		const context = readContextEndpoint(configDirectory, contextName, input.readFile);
		const kind = endpointKind(context.host);
		checkHostUrl(context.host, kind, `context ${contextName}`);
		const hasTls = context.tls.ca !== undefined || context.tls.cert !== undefined || context.skipTlsVerify;
		return {
			kind,
			host: context.host,
			source: 'context',
			context: contextName,
			...(kind === 'tcp' && hasTls ? {tls: {...context.tls, verify: !context.skipTlsVerify}} : {}),
			description: `context ${contextName} (${context.host})`,
		};
	}
	const fromFlag = input.host !== undefined && input.host !== '';
	const host = normaliseHost(fromFlag ? input.host! : env.DOCKER_HOST || defaultSocketHost);
	const source = fromFlag ? 'flag' : env.DOCKER_HOST ? 'env' : 'default';
	const kind = endpointKind(host);
	const origin = {flag: '--host', env: 'DOCKER_HOST', default: 'default socket'}[source];
	checkHostUrl(host, kind, origin);
	const tls = kind === 'tcp' ? tlsFromEnv(env, input.homeDirectory) : undefined;
	return {kind, host, source, ...(tls ? {tls} : {}), description: `${host} (${origin}${tls ? ', TLS' : ''})`};
}

/** `host:port` without a scheme means tcp, as in the CLI; anything else must be unix, tcp or ssh. */
function normaliseHost(host: string): string {
	if (host.includes('://')) return host;
	return `tcp://${host}`;
}

/** The scheme of a host URL, or bad input. */
export function endpointKind(host: string): EndpointKind {
	if (host.startsWith('unix://')) return 'unix';
	if (host.startsWith('tcp://') || host.startsWith('http://') || host.startsWith('https://')) return 'tcp';
	if (host.startsWith('ssh://')) return 'ssh';
	throw new UsageError(`unsupported engine host "${host}" (use unix://PATH, tcp://HOST:PORT or ssh://USER@HOST)`);
}

/** A tcp or ssh host must be a URL with a port in 1–65535; `origin` (e.g. `DOCKER_HOST`) is named when it is not. */
export function checkHostUrl(host: string, kind: EndpointKind, origin: string): void {
	if (kind === 'unix') return;
	const port = /^[a-z]+:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):(\d*)(?:\/|$)/i.exec(host)?.[1];
	if (port !== undefined && (port === '' || Number(port) < 1 || Number(port) > 65535)) throw new UsageError(`${origin} "${host}": port must be 1-65535`);
	try {
		new URL(host.replace(/^tcp:/, 'http:'));
	} catch {
		throw new UsageError(`${origin} "${host}" is not a valid URL (use tcp://HOST:PORT or ssh://USER@HOST)`);
	}
}

/**
 * TLS from the environment, like the docker client: DOCKER_CERT_PATH (or ~/.docker when only
 * DOCKER_TLS_VERIFY is set) holds ca/cert/key.pem; verification only with DOCKER_TLS_VERIFY.
 */
function tlsFromEnv(env: NodeJS.ProcessEnv, homeDirectory: string): EndpointTls | undefined {
	const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '';
	if (!verify && !env.DOCKER_CERT_PATH) return undefined;
	const directory = env.DOCKER_CERT_PATH || path.join(homeDirectory, '.docker');
	return {ca: path.join(directory, 'ca.pem'), cert: path.join(directory, 'cert.pem'), key: path.join(directory, 'key.pem'), verify};
}

/** Reads a file as bytes, throwing when it is missing. */
export type ReadBinaryFile = (file: string) => Buffer;

/**
 * dockerode options for an endpoint. Every connection key is set explicitly because
 * docker-modem merges its own reading of `process.env.DOCKER_HOST` underneath ours.
 */
export function dockerOptionsFor(endpoint: EngineEndpoint, readFile: ReadBinaryFile, env: NodeJS.ProcessEnv, sshKey?: Buffer): Docker.DockerOptions {
	const blank = {socketPath: undefined, host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined, username: undefined};
	if (endpoint.kind === 'unix') {
		return {...blank, socketPath: endpoint.host.slice('unix://'.length) || '/var/run/docker.sock', protocol: 'http'} as Docker.DockerOptions;
	}
	const url = new URL(endpoint.host.replace(/^tcp:/, 'http:'));
	if (endpoint.kind === 'ssh') {
		const sshOptions = {...(env.SSH_AUTH_SOCK ? {agent: env.SSH_AUTH_SOCK} : {}), ...(sshKey ? {privateKey: sshKey} : {})};
		return {...blank, protocol: 'ssh', host: url.hostname, port: Number(url.port || 22), username: decodeURIComponent(url.username) || env.USER, sshOptions} as Docker.DockerOptions;
	}
	const tls = endpoint.tls;
	if (!tls) return {...blank, protocol: 'http', host: url.hostname, port: Number(url.port || 2375)} as Docker.DockerOptions;
	// A missing certificate is a configuration mistake (exit 2) that names the file, not an ENOENT stack.
	const read = (file: string | undefined) => {
		if (!file) return undefined;
		try {
			return readFile(file);
		} catch (error) {
			const reason = error instanceof UsageError ? error.message : `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message}`;
			throw new UsageError(`TLS for ${endpoint.description}: ${reason} (DOCKER_CERT_PATH must hold ca.pem, cert.pem and key.pem)`);
		}
	};
	const material = {ca: read(tls.ca), cert: read(tls.cert), key: read(tls.key)};
	return {
		...blank,
		protocol: 'https',
		host: url.hostname,
		port: Number(url.port || 2376),
		...material,
		// Without verification the CLI still encrypts; docker-modem passes no rejectUnauthorized,
		// but Node merges an agent's options over the request's, so the agent carries it.
		...(tls.verify ? {} : {agent: new https.Agent({rejectUnauthorized: false})}),
	} as Docker.DockerOptions;
}

let modemWarningSilenced = false;

/**
 * docker-modem builds each ssh request's URL as `ssh:HOST:PORTPATH` and re-reads it with
 * `url.parse`, which makes Node print DEP0170 (invalid URL) on every run against an ssh://
 * engine; the URL only carries the request path (ssh2 dials HOST and PORT itself). This drops
 * that one deprecation, for `ssh:` URLs only; every other warning is printed as before.
 */
export function silenceModemSshUrlWarning(): void {
	if (modemWarningSilenced) return;
	modemWarningSilenced = true;
	const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as {code?: string}).code : rest[1];
		const text = typeof warning === 'string' ? warning : warning.message;
		if (code === 'DEP0170' && /\bURL ssh:/.test(text)) return;
		emitWarning(warning, ...rest);
	}) as typeof process.emitWarning;
}
