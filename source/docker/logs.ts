/** The logs port over dockerode: `/containers/{id}/logs` with timestamps (raw for TTY containers, multiplexed otherwise). */
import type Docker from 'dockerode';
import type {LogsPort} from '../engine/ports/index.js';

async function* once(buffer: Buffer): AsyncIterable<Buffer> {
	yield buffer;
}

/** The logs port for one client. */
export function logsAdapter(docker: Docker): LogsPort {
	return {
		async open(id, request) {
			const container = docker.getContainer(id);
			const info = (await container.inspect({abortSignal: request.signal} as never)) as unknown as {Config?: {Tty?: boolean}};
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
			return {tty: info.Config?.Tty === true, chunks: (Buffer.isBuffer(result) ? once(result) : result) as AsyncIterable<Buffer>};
		},
	};
}
