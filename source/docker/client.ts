import Docker from 'dockerode';

/** Where deckhand was asked to connect (global flags; environment fills the rest). */
export type ConnectOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly env?: NodeJS.ProcessEnv;
};

/** A resolved engine: the dockerode client and a human description of how it was reached. */
export type EngineConnection = {
	readonly docker: Docker;
	/** e.g. `unix:///var/run/docker.sock` or `context prod (ssh://ops@db1)`. */
	readonly description: string;
	/** The DOCKER_HOST-style URL in use. */
	readonly host: string;
};

/**
 * Builds a client for the engine the options and environment point at.
 * (Bootstrap version: DOCKER_HOST unix/tcp or the default socket. Contexts, TLS and ssh are
 * resolved by source/docker/connection.ts, which replaces this body.)
 */
export function createConnection(options: ConnectOptions = {}): EngineConnection {
	const env = options.env ?? process.env;
	const host = options.host ?? env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
	if (host.startsWith('unix://')) {
		const socketPath = host.slice('unix://'.length);
		return {docker: new Docker({socketPath}), description: host, host};
	}
	const url = new URL(host);
	return {
		docker: new Docker({host: url.hostname, port: Number(url.port || 2375), protocol: 'http'}),
		description: host,
		host,
	};
}
