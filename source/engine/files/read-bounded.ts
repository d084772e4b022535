/**
 * The one way deckhand reads a user-supplied file: it must be a regular file (after following
 * links) no larger than a limit, read with a bound. `/dev/zero`, a FIFO, a directory or a huge
 * file is a `UsageError` naming the file and the problem, never an unbounded read or a hang.
 */
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs';
import {UsageError} from '../errors.js';

const MiB = 1024 * 1024;

/** Size limits per kind of file deckhand reads (bytes). Generous for real files, tiny next to memory. */
export const fileLimits = {
	compose: 4 * MiB,
	envFile: 1 * MiB,
	dockerfile: 1 * MiB,
	dockerignore: 1 * MiB,
	config: 1 * MiB,
	theme: 256 * 1024,
} as const;

/** `4194304` → `4 MiB`, for messages. */
export function formatLimit(bytes: number): string {
	if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
	return `${bytes} bytes`;
}

/** Why a stat result is not an acceptable file, or undefined when it is. Pure. */
export function fileProblem(stats: Pick<Stats, 'isFile' | 'isDirectory' | 'size'>, limit: number): string | undefined {
	if (stats.isDirectory()) return 'is a directory';
	if (!stats.isFile()) return 'not a regular file';
	if (stats.size > limit) return `larger than ${formatLimit(limit)}`;
	return undefined;
}

function openProblem(error: NodeJS.ErrnoException): string {
	switch (error.code) {
		case 'ENOENT':
			return 'not found';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ENOTDIR':
			return 'not found (a parent is not a directory)';
		case 'ELOOP':
			return 'too many levels of symbolic links';
		default:
			return `cannot open (${error.code ?? error.message})`;
	}
}

/**
 * Opens `file` without blocking (a FIFO with no writer would otherwise hang `open`) and checks
 * it is a regular file within `limit`. Returns the descriptor; the caller closes it.
 * `name` is how the file is shown in the message (default: the path as given).
 */
export function openBounded(file: string, limit: number, name = file): {fd: number; size: number} {
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw new UsageError(`${name}: ${openProblem(error as NodeJS.ErrnoException)}`);
	}
	const stats = fstatSync(fd);
	const problem = fileProblem(stats, limit);
	if (problem) {
		closeSync(fd);
		throw new UsageError(`${name}: ${problem}`);
	}
	return {fd, size: stats.size};
}

/** Checks that `file` is a regular file within `limit` (for files read later as a stream); returns its size. */
export function checkRegularFile(file: string, limit: number, name = file): number {
	const {fd, size} = openBounded(file, limit, name);
	closeSync(fd);
	return size;
}

/** Reads `file` as bytes: open, fstat, then at most `limit + 1` bytes (a file that grew past the limit is refused too). */
export function readBoundedBytes(file: string, limit: number, name = file): Buffer {
	const {fd} = openBounded(file, limit, name);
	try {
		const chunks: Buffer[] = [];
		let total = 0;
		while (total <= limit) {
			const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
			let count: number;
			try {
				count = readSync(fd, chunk, 0, chunk.length, null);
			} catch (error) {
				throw new UsageError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
			}
			if (count === 0) break;
			chunks.push(chunk.subarray(0, count));
			total += count;
		}
		if (total > limit) throw new UsageError(`${name}: larger than ${formatLimit(limit)}`);
		return Buffer.concat(chunks, total);
	} finally {
		closeSync(fd);
	}
}

/** Reads `file` as UTF-8 text with the bounds of `readBoundedBytes`. */
export function readBoundedText(file: string, limit: number, name = file): string {
	return readBoundedBytes(file, limit, name).toString('utf8');
}

/** Like `readBoundedText`, but a file that does not exist is `undefined` (optional files: `.env`, config, themes). */
export function readOptionalBoundedText(file: string, limit: number, name = file): string | undefined {
	try {
		return readBoundedText(file, limit, name);
	} catch (error) {
		if (error instanceof UsageError && error.message === `${name}: not found`) return undefined;
		throw error;
	}
}
