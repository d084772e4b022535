/**
 * The Docker side of following logs: open `/containers/{id}/logs` with timestamps (raw for
 * TTY containers, multiplexed otherwise) and wait for a container to run again after it stopped.
 */
import type Docker from 'dockerode';
import type {LogCapabilities, LogStreamRequest} from '../engine/logs/follow.js';
import {splitLines} from '../engine/logs/lines.js';

/** The real log capabilities over one Docker client. */
export function dockerLogCapabilities(docker: Docker): LogCapabilities {
	return {
		open: async (id, request) => openLogStream(docker, id, request),
		waitUntilRunning: async (id, signal) => waitUntilRunning(docker, id, signal),
	};
}

/** Opens one container's log stream (timestamps always on, so a follower can resume exactly). */
export async function openLogStream(docker: Docker, id: string, request: LogStreamRequest): Promise<{tty: boolean; chunks: AsyncIterable<Buffer>}> {
	const container = docker.getContainer(id);
	const info = await container.inspect({abortSignal: request.signal});
	const options: Record<string, unknown> = {
		follow: request.follow,
		stdout: true,
		stderr: true,
		timestamps: true,
		tail: request.tail === undefined ? 'all' : String(request.tail),
		abortSignal: request.signal,
	};
	if (request.since !== undefined) options.since = request.since;
	const result = (await container.logs(options as never)) as unknown;
	const chunks = (Buffer.isBuffer(result) ? toIterable(result) : result) as AsyncIterable<Buffer>;
	return {tty: info.Config?.Tty === true, chunks};
}

/**
 * Resolves 'running' once the container runs (at once when it already does) and 'gone' when
 * it is removed; listens to events first and inspects after, so a start in between is not missed.
 */
export async function waitUntilRunning(docker: Docker, id: string, signal: AbortSignal): Promise<'running' | 'gone'> {
	const controller = new AbortController();
	const stop = () => controller.abort();
	signal.addEventListener('abort', stop, {once: true});
	try {
		const events = (await docker.getEvents({
			filters: {type: ['container'], container: [id], event: ['start', 'destroy']},
			abortSignal: controller.signal,
		} as never)) as unknown as AsyncIterable<Buffer>;
		const state = await docker
			.getContainer(id)
			.inspect({abortSignal: controller.signal})
			.then(info => (info.State?.Running ? ('running' as const) : undefined))
			.catch((error: {statusCode?: number}) => {
				if (error?.statusCode === 404) return 'gone' as const;
				throw error;
			});
		if (state) return state;
		let pending: Buffer = Buffer.alloc(0);
		for await (const chunk of events) {
			const {lines, rest} = splitLines(pending, chunk);
			pending = rest;
			for (const line of lines) {
				if (line.trim() === '') continue;
				const event = JSON.parse(line) as {Action?: string; status?: string};
				const action = event.Action ?? event.status;
				if (action === 'start') return 'running';
				if (action === 'destroy') return 'gone';
			}
		}
		if (signal.aborted) return 'gone';
		throw new Error(`event stream ended while waiting for container ${id.slice(0, 12)} to run`);
	} catch (error) {
		if (signal.aborted) return 'gone';
		throw error;
	} finally {
		signal.removeEventListener('abort', stop);
		controller.abort();
	}
}

async function* toIterable(buffer: Buffer): AsyncIterable<Buffer> {
	yield buffer;
}
