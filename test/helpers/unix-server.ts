/**
 * A test server on a unix socket in a fresh temporary directory (fake engines, relays): it
 * tracks its connections so `close` ends them all, as a daemon going away would, then removes
 * the directory.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A listening server: its DOCKER_HOST-style URL, the connections it tracks, and how to stop it. */
export type UnixServer = {readonly host: string; readonly sockets: Set<net.Socket>; close(): Promise<void>};

/**
 * Listens with `onConnection` on `<temporary directory named prefix…>/docker.sock`. Accepted
 * connections are tracked (and their errors ignored); `track` adds others the handler opens.
 */
export async function listenOnUnixSocket(prefix: string, onConnection: (socket: net.Socket, track: (other: net.Socket) => void) => void): Promise<UnixServer> {
	const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
	const socketPath = path.join(directory, 'docker.sock');
	const sockets = new Set<net.Socket>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
	};
	const server = net.createServer(socket => {
		track(socket);
		onConnection(socket, track);
	});
	await new Promise<void>(resolve => server.listen(socketPath, resolve));
	return {
		host: `unix://${socketPath}`,
		sockets,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
			rmSync(directory, {recursive: true, force: true});
		},
	};
}
