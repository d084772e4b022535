/**
 * docker CLI contexts, read the way the CLI stores them: the current context name in
 * `$DOCKER_CONFIG/config.json` (default `~/.docker`), each context's metadata in
 * `contexts/meta/<sha256(name)>/meta.json` and its TLS material in
 * `contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem`. dockerode knows none of this.
 * Every function here is pure over an injected file reader, so tests use temp directories.
 */
import {createHash} from 'node:crypto';
import path from 'node:path';
import {UsageError} from '../engine/ports/wire.js';

/** Reads a whole text file, or answers undefined when it does not exist. */
export type ReadTextFile = (file: string) => string | undefined;

/** What a context says about the docker endpoint. */
export type ContextEndpoint = {
	readonly name: string;
	readonly host: string;
	readonly skipTlsVerify: boolean;
	/** Paths of the context's TLS files that exist (any may be missing). */
	readonly tls: {readonly ca?: string; readonly cert?: string; readonly key?: string};
};

/** The docker CLI's config directory: `$DOCKER_CONFIG`, else `<home>/.docker`. */
export const dockerConfigDirectory = (env: NodeJS.ProcessEnv, homeDirectory: string): string =>
	env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : path.join(homeDirectory, '.docker');

/** The directory name the CLI derives from a context name (hex sha256). */
export const contextDirectoryName = (name: string): string => createHash('sha256').update(name).digest('hex');

/** `currentContext` from config.json, if set (a malformed file is bad input). */
export function readCurrentContext(configDirectory: string, readFile: ReadTextFile): string | undefined {
	const file = path.join(configDirectory, 'config.json');
	const text = readFile(file);
	if (text === undefined) return undefined;
	let config: unknown;
	try {
		config = JSON.parse(text);
	} catch (error) {
		throw new UsageError(`${file} is not valid JSON (${(error as Error).message})`);
	}
	const current = (config as {currentContext?: unknown} | null)?.currentContext;
	return typeof current === 'string' && current !== '' ? current : undefined;
}

/** The docker endpoint of context `name`; a missing context or endpoint is bad input. */
export function readContextEndpoint(configDirectory: string, name: string, readFile: ReadTextFile): ContextEndpoint {
	const id = contextDirectoryName(name);
	const metaFile = path.join(configDirectory, 'contexts', 'meta', id, 'meta.json');
	const text = readFile(metaFile);
	if (text === undefined) throw new UsageError(`docker context "${name}" does not exist (no ${metaFile}; see \`docker context ls\`)`);
	let meta: {Endpoints?: {docker?: {Host?: unknown; SkipTLSVerify?: unknown}}};
	try {
		meta = JSON.parse(text) as typeof meta;
	} catch (error) {
		throw new UsageError(`${metaFile} is not valid JSON (${(error as Error).message})`);
	}
	const endpoint = meta?.Endpoints?.docker;
	if (typeof endpoint?.Host !== 'string' || endpoint.Host === '') throw new UsageError(`docker context "${name}" has no docker endpoint host (${metaFile})`);
	const tlsDirectory = path.join(configDirectory, 'contexts', 'tls', id, 'docker');
	const tls: Record<string, string> = {};
	for (const part of ['ca', 'cert', 'key'] as const) {
		const file = path.join(tlsDirectory, `${part}.pem`);
		if (readFile(file) !== undefined) tls[part] = file;
	}
	return {
		name,
		host: endpoint.Host,
		skipTlsVerify: endpoint.SkipTLSVerify === true,
		tls,
	};
}
