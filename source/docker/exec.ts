/**
 * The exec port over dockerode: run a command inside a container and collect its exit code
 * and output (demultiplexed by the engine's one frame decoder), or start one detached.
 */
import type Docker from 'dockerode';
import {demultiplex} from '../engine/ports/wire.js';
import type {ExecPort} from '../engine/ports/index.js';

/** Collects at most `limit` bytes. */
function boundedText(limit: number) {
	const chunks: Buffer[] = [];
	let size = 0;
	return {
		add(chunk: Buffer) {
			if (size >= limit) return;
			chunks.push(chunk.subarray(0, limit - size));
			size += chunk.length;
		},
		text: () => Buffer.concat(chunks).toString('utf8'),
	};
}

/** The exec port for one client. */
export function execAdapter(docker: Docker): ExecPort {
	return {
		async run(id, cmd, options = {}) {
			options.signal?.throwIfAborted();
			const limit = options.maxOutputBytes ?? 65_536;
			const exec = await docker.getContainer(id).exec({Cmd: [...cmd], AttachStdout: true, AttachStderr: true, User: options.user});
			const stream = (await exec.start({hijack: true, stdin: false})) as NodeJS.ReadableStream & {destroy?: () => void};
			const out = boundedText(limit);
			const err = boundedText(limit);
			let pending: Buffer = Buffer.alloc(0);
			await new Promise<void>((resolve, reject) => {
				const abort = () => {
					stream.destroy?.();
					reject(new Error('aborted'));
				};
				options.signal?.addEventListener('abort', abort, {once: true});
				const done = () => {
					options.signal?.removeEventListener('abort', abort);
					resolve();
				};
				stream.on('data', (chunk: Buffer) => {
					const {frames, rest} = demultiplex(pending, chunk);
					pending = rest;
					for (const frame of frames) (frame.stream === 'stderr' ? err : out).add(frame.data);
				});
				stream.on('end', done);
				stream.on('close', done);
				stream.on('error', (error: Error) => {
					options.signal?.removeEventListener('abort', abort);
					reject(error);
				});
			});
			// The output stream can end a moment before Docker records the exit code.
			for (let attempt = 0; ; attempt++) {
				const info = await exec.inspect();
				if (!info.Running || attempt >= 50) return {exitCode: info.ExitCode ?? -1, stdout: out.text(), stderr: err.text()};
				await new Promise(resolve => setTimeout(resolve, 20));
			}
		},
		async startDetached(id, cmd) {
			const exec = await docker.getContainer(id).exec({Cmd: [...cmd], AttachStdout: false, AttachStderr: false});
			const response = (await exec.start({Detach: true})) as {resume?: () => void} | undefined;
			// Drain Docker's (empty) answer so its socket closes and nothing keeps the process alive.
			response?.resume?.();
		},
	};
}
