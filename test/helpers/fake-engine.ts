/**
 * Fake engines on a unix socket under /tmp for the wedged-engine tests: one that accepts
 * connections and never answers, and one that answers `/_ping` then stalls everything else
 * (a daemon whose API router is wedged). Both hold every connection open, as a SIGSTOPped
 * dockerd does.
 */
import {listenOnUnixSocket} from './unix-server.js';

/** A running fake engine: its DOCKER_HOST and how to stop it. */
export type FakeEngine = {readonly host: string; readonly requests: string[]; close(): Promise<void>};

const pingAnswer = 'HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nServer: Docker/27.0.0 (linux)\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK';

/**
 * Starts a fake engine: `silent` never answers; `ping-only` answers `/_ping` and nothing else;
 * `list-only` answers the container list with `containers` (as JSON) and nothing else, as a
 * daemon that wedges right after one answer.
 */
export async function startFakeEngine(kind: 'silent' | 'ping-only' | 'list-only', containers: readonly unknown[] = []): Promise<FakeEngine> {
	const requests: string[] = [];
	const server = await listenOnUnixSocket('dh-fake-engine-', socket => {
		socket.on('data', chunk => {
			for (const line of String(chunk).split('\r\n')) {
				const request = /^(GET|POST|PUT|DELETE|HEAD) (\S+)/.exec(line);
				if (!request) continue;
				requests.push(`${request[1]} ${request[2]}`);
				if (kind === 'ping-only' && /^(\/v[\d.]+)?\/_ping/.test(request[2]!)) socket.write(request[1] === 'HEAD' ? pingAnswer.replace(/OK$/, '') : pingAnswer);
				if (kind === 'list-only' && /^(\/v[\d.]+)?\/containers\/json/.test(request[2]!)) {
					const body = JSON.stringify(containers);
					socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
				}
			}
		});
	});
	return {host: server.host, requests, close: server.close};
}
