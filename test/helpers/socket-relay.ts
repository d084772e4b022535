/**
 * A transparent relay in front of a real engine's unix socket: every connection is piped to
 * the engine as is, and the request lines that pass are recorded with their time, so a test
 * can see when a client subscribed or inspected (and act then, instead of sleeping). When the
 * engine goes away, the client's connection ends with it, as if it were talking directly.
 */
import net from 'node:net';
import {listenOnUnixSocket} from './unix-server.js';

/** One request seen: `GET /v1.41/events?...` and when (epoch ms). */
export type RelayedRequest = {readonly line: string; readonly at: number};

/** A running relay: the DOCKER_HOST to give the client, what it asked, and how to stop it. */
export type SocketRelay = {readonly host: string; readonly requests: RelayedRequest[]; close(): Promise<void>};

/** Starts a relay to the engine listening on `engineSocket`. */
export async function startSocketRelay(engineSocket: string): Promise<SocketRelay> {
	const requests: RelayedRequest[] = [];
	const server = await listenOnUnixSocket('dh-relay-', (client, track) => {
		const engine = net.createConnection(engineSocket);
		track(engine);
		client.on('data', chunk => {
			for (const line of String(chunk).split('\r\n')) {
				if (/^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP/.test(line)) requests.push({line, at: Date.now()});
			}
		});
		client.pipe(engine);
		engine.pipe(client);
		engine.on('close', () => client.destroy());
		client.on('close', () => engine.destroy());
	});
	return {host: server.host, requests, close: server.close};
}
