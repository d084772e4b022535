/**
 * Running a command inside a container and collecting its exit code and output: the one
 * Docker call behind reload (touch/exec) and the deploy swap.
 */
import {PassThrough} from 'node:stream';
import type Docker from 'dockerode';

/** What a command run in a container produced. */
export type ExecResult = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
};

/** Options of `execInContainer`. */
export type ExecOptions = {
	readonly signal?: AbortSignal;
	readonly user?: string;
	/** Output kept per stream; the rest is dropped (bounded memory). Default 64 KiB. */
	readonly maxOutputBytes?: number;
};

/** Collects at most `limit` bytes of a stream. */
function boundedSink(limit: number) {
	const sink = new PassThrough();
	const chunks: Buffer[] = [];
	let size = 0;
	sink.on('data', (chunk: Buffer) => {
		if (size >= limit) return;
		chunks.push(chunk.subarray(0, limit - size));
		size += chunk.length;
	});
	return {sink, text: () => Buffer.concat(chunks).toString('utf8')};
}

/**
 * Runs `cmd` (argv, no shell unless you pass one) in a running container and waits for it;
 * resolves with the exit code and output, rejects only when Docker refuses the exec.
 */
export async function execInContainer(docker: Docker, id: string, cmd: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
	options.signal?.throwIfAborted();
	const limit = options.maxOutputBytes ?? 65_536;
	const exec = await docker.getContainer(id).exec({Cmd: [...cmd], AttachStdout: true, AttachStderr: true, User: options.user});
	const stream = (await exec.start({hijack: true, stdin: false})) as NodeJS.ReadableStream & {destroy?: () => void};
	const out = boundedSink(limit);
	const err = boundedSink(limit);
	docker.modem.demuxStream(stream, out.sink, err.sink);
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
}

/** Starts `cmd` in a running container and returns at once (Docker runs it to the end on its own). */
export async function startDetachedExec(docker: Docker, id: string, cmd: readonly string[]): Promise<void> {
	const exec = await docker.getContainer(id).exec({Cmd: [...cmd], AttachStdout: false, AttachStderr: false});
	const response = (await exec.start({Detach: true})) as {resume?: () => void} | undefined;
	// Drain Docker's (empty) answer so its socket closes and nothing keeps the process alive.
	response?.resume?.();
}
