/**
 * ssh:// engines over a few long-lived SSH connections. docker-modem's own ssh transport makes
 * a new SSH connection (handshake, authentication, session) for every HTTP request, which
 * over a real sshd cost ~20 s for one `status` of a few dozen containers. This HTTP agent
 * keeps each SSH connection and opens one channel (`docker system dial-stdio`) per HTTP
 * connection, at most `channelsPerConnection` per SSH connection (sshd's MaxSessions is 10),
 * opening another connection when those are busy. A dropped connection leaves the pool; the
 * next request dials again, so callers' own retries (log followers, events) reconnect.
 */
import http from 'node:http';
import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import type {Duplex} from 'node:stream';

const require = createRequire(import.meta.url);

/** Channels one SSH connection carries at once (below sshd's default MaxSessions of 10). */
export const channelsPerConnection = 8;

/** What ssh2's Client.connect takes (host, port, username, agent, privateKey, ...). */
export type SshConnectOptions = Readonly<Record<string, unknown>>;

type SshClient = {
	on(event: string, listener: (...args: any[]) => void): SshClient;
	once(event: string, listener: (...args: any[]) => void): SshClient;
	connect(options: SshConnectOptions): void;
	exec(command: string, callback: (error: Error | undefined, stream: Duplex) => void): boolean;
	end(): void;
	/** ssh2's TCP socket (internal): unref'd while no channel is open, so an idle pool never keeps the process alive. */
	_sock?: {ref?(): void; unref?(): void; destroyed?: boolean; writable?: boolean};
};

/** One SSH connection: channels open (capacity) and channels in use (an idle kept-alive one is not). */
type PooledConnection = {client: SshClient; open: number; inUse: number; ready: Promise<void>; dead: boolean; pending: Set<(error: Error) => void>; channels: Set<Duplex>};

/** A channel in use keeps the process alive; only idle ones left: the TCP socket is unref'd. */
function hold(entry: PooledConnection): void {
	if (entry.inUse++ === 0) entry.client._sock?.ref?.();
}

function letGo(entry: PooledConnection): void {
	if (--entry.inUse === 0) entry.client._sock?.unref?.();
}

/**
 * An ssh2 channel dressed as the socket Node's keep-alive agent expects: ref/unref say whether
 * the connection is in use, the TCP tuning calls have nothing to tune on a channel.
 */
function asSocket(stream: Duplex, reference: {ref(): void; unref(): void}): Duplex {
	const socket = stream as Duplex & Record<string, unknown>;
	socket.ref = () => (reference.ref(), socket);
	socket.unref = () => (reference.unref(), socket);
	socket.setKeepAlive = () => socket;
	socket.setNoDelay = () => socket;
	socket.setTimeout = () => socket;
	return socket;
}

/** ssh2, from where docker-modem finds it (loaded on first use: it is slow to load). */
function loadSshClient(): new () => SshClient {
	let base = require.resolve('dockerode');
	try {
		base = createRequire(base).resolve('docker-modem');
	} catch {
		// ssh2 next to dockerode then.
	}
	return (createRequire(`${dirname(base)}/`)('ssh2') as {Client: new () => SshClient}).Client;
}

/** An HTTP agent whose connections are `docker system dial-stdio` channels over pooled SSH connections. */
export function createSshAgent(options: SshConnectOptions): http.Agent & {close(): void} {
	const pool: PooledConnection[] = [];
	let Client: (new () => SshClient) | undefined;

	function connection(): PooledConnection {
		// A socket already closed may not have told the client yet (its channels close first).
		const reusable = pool.find(entry => !entry.dead && !entry.client._sock?.destroyed && entry.client._sock?.writable !== false && entry.open < channelsPerConnection);
		if (reusable) return reusable;
		Client ??= loadSshClient();
		const client = new Client();
		const entry: PooledConnection = {client, open: 0, inUse: 0, dead: false, ready: Promise.resolve(), pending: new Set(), channels: new Set()};
		const drop = () => {
			entry.dead = true;
			// Channel requests the closed connection will never answer fail like a reset connection.
			for (const fail of entry.pending) fail(Object.assign(new Error('ssh connection closed'), {code: 'ECONNRESET'}));
			entry.pending.clear();
			// ssh2 does not always close the channels of a dropped connection; idle kept-alive ones
			// would be handed to the next request and never answer.
			for (const channel of entry.channels) channel.destroy();
			entry.channels.clear();
			const index = pool.indexOf(entry);
			if (index >= 0) pool.splice(index, 1);
		};
		entry.ready = new Promise<void>((resolve, reject) => {
			client.once('ready', resolve);
			client.once('error', reject);
		});
		entry.ready.catch(() => undefined);
		client.on('error', drop);
		client.on('close', drop);
		client.on('end', drop);
		// No ssh keepalives: ssh2 runs them on a timer that would keep every CLI process alive.
		client.connect({readyTimeout: 20_000, ...options});
		pool.push(entry);
		return entry;
	}

	// Kept-alive HTTP connections reuse their channel (and its remote dial-stdio process).
	const agent = new http.Agent({keepAlive: true, maxFreeSockets: channelsPerConnection}) as http.Agent & {close(): void};
	(agent as unknown as {createConnection: unknown}).createConnection = (_options: unknown, callback: (error: Error | null, socket?: Duplex) => void) => {
		const entry = connection();
		entry.open++;
		hold(entry);
		let released = false;
		let referenced = true;
		const release = () => {
			if (released) return;
			released = true;
			entry.open--;
			if (referenced) letGo(entry);
		};
		entry.ready.then(
			() => {
				let answered = false;
				const fail = (error: Error) => {
					if (answered) return;
					answered = true;
					release();
					callback(error);
				};
				entry.pending.add(fail);
				try {
					entry.client.exec('docker system dial-stdio', (error, stream) => {
						entry.pending.delete(fail);
						if (answered) {
							stream?.destroy();
							return;
						}
						answered = true;
						if (error) {
							release();
							callback(error);
							return;
						}
						entry.channels.add(stream);
						stream.once('close', () => {
							entry.channels.delete(stream);
							release();
						});
						callback(null, asSocket(stream, {
							ref() {
								if (!referenced && !released) hold(entry);
								referenced = true;
							},
							unref() {
								if (referenced && !released) letGo(entry);
								referenced = false;
							},
						}));
					});
				} catch (error) {
					// exec throws when the connection closed meanwhile.
					entry.pending.delete(fail);
					fail(Object.assign(error as Error, {code: 'ECONNRESET'}));
				}
			},
			(error: Error & {level?: string; code?: string}) => {
				release();
				// A connection that dropped or timed out before the handshake ended is worth retrying,
				// like a refused one; authentication failures are not.
				if (!error.code && ['client-socket', 'client-timeout', 'protocol'].includes(error.level ?? '')) error.code = 'ECONNRESET';
				callback(error);
			},
		);
		return undefined;
	};
	agent.close = () => {
		for (const entry of pool.splice(0)) entry.client.end();
		agent.destroy();
	};
	return agent;
}
