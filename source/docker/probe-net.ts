/** Network probes: a TCP connect and an HTTP GET, each bounded by a per-attempt timeout and a signal. */
import http from 'node:http';
import net from 'node:net';

/** One attempt never takes longer than this, whatever the overall deadline. */
const attemptTimeoutMs = 5000;

/** Connects to host:port and closes at once; ok when the connection was accepted. */
export async function connectTcp(host: string, port: number, signal: AbortSignal, timeoutMs = attemptTimeoutMs): Promise<{ok: boolean; output: string}> {
	signal.throwIfAborted();
	return new Promise(resolve => {
		const socket = net.connect({host, port});
		const done = (ok: boolean, output: string) => {
			clearTimeout(timer);
			signal.removeEventListener('abort', onAbort);
			socket.destroy();
			resolve({ok, output});
		};
		const onAbort = () => done(false, 'aborted');
		const timer = setTimeout(() => done(false, `connect ${host}:${port} timed out after ${timeoutMs}ms`), timeoutMs);
		signal.addEventListener('abort', onAbort, {once: true});
		socket.once('connect', () => done(true, `connected to ${host}:${port}`));
		socket.once('error', (error: NodeJS.ErrnoException) => done(false, `connect ${host}:${port}: ${error.code ?? error.message}`));
	});
}

/** GETs http://host:port/path; `status` is undefined when no response came. Reads at most 1 KiB of body. */
export async function httpGet(host: string, port: number, path: string, signal: AbortSignal, timeoutMs = attemptTimeoutMs): Promise<{ok: boolean; output: string; status?: number}> {
	signal.throwIfAborted();
	return new Promise(resolve => {
		let finished = false;
		const done = (result: {ok: boolean; output: string; status?: number}) => {
			if (finished) return;
			finished = true;
			request.destroy();
			resolve(result);
		};
		const request = http.get({host, port, path, signal, timeout: timeoutMs, headers: {'user-agent': 'deckhand-probe'}}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
				if (body.length >= 1024) finish();
			});
			const finish = () => {
				const status = response.statusCode ?? 0;
				const snippet = body.slice(0, 200).replace(/\s+/g, ' ').trim();
				done({ok: status >= 200 && status < 400, status, output: `HTTP ${status}${snippet ? ` ${snippet}` : ''}`});
			};
			response.on('end', finish);
			response.on('error', finish);
		});
		request.on('timeout', () => done({ok: false, output: `GET http://${host}:${port}${path} timed out after ${timeoutMs}ms`}));
		request.on('error', (error: NodeJS.ErrnoException) => done({ok: false, output: `GET http://${host}:${port}${path}: ${error.code ?? error.message}`}));
	});
}
