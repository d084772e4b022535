/**
 * The in-container side of a deploy: staging directories and the swap, run with `sh -c` through
 * exec (paths passed as arguments, never spliced into the script).
 *
 * Atomicity: the new tree is complete in `<target>.deckhand-staging-<id>` (same parent, so the
 * same filesystem) before anything moves; then two rename(2) calls, `target → previous` and
 * `staging → target`, each atomic. busybox has no renameat2(RENAME_EXCHANGE), so between the two
 * renames (one `mv` process, about a millisecond) `target` does not exist: the app sees the old
 * complete tree, then ENOENT for that instant, then the new complete tree, never a half-written
 * one. The previous tree is kept until the new one is verified ready, so restoring is the same
 * two renames back. A target that is a mount point cannot be renamed: the swap fails before
 * anything changed.
 */
import {posix} from 'node:path';
import * as tar from 'tar-stream';
import type {EnginePorts} from '../ports/index.js';

type Ports = Pick<EnginePorts, 'exec' | 'archive'>;
import {OperationFailedError, UsageError} from '../errors.js';

/** The sibling paths a deploy uses beside its target. */
export type SwapPaths = {readonly target: string; readonly staging: string; readonly previous: string; readonly failed: string};

/** Sibling paths for a deploy id. */
export function swapPaths(target: string, id: string): SwapPaths {
	return {target, staging: `${target}.deckhand-staging-${id}`, previous: `${target}.deckhand-previous-${id}`, failed: `${target}.deckhand-failed-${id}`};
}

/** Checks a target directory path; UsageError when it is not an absolute, normal, non-root path. */
export function checkTargetPath(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	if (!trimmed.startsWith('/')) throw new UsageError(`deploy path must be absolute: "${path}"`);
	if (trimmed.split('/').some(part => part === '..' || part === '.') || trimmed.includes('//')) throw new UsageError(`deploy path must be normalised (no ., .. or //): "${path}"`);
	if (/[\0\n]/.test(trimmed)) throw new UsageError('deploy path contains a NUL or newline');
	return trimmed;
}

/**
 * Moves SOURCE into TARGET's place, keeping the old TARGET as PREVIOUS; the new tree gets the
 * old one's mode and owner. Exit 10: could not move the old tree aside (nothing changed);
 * 11: could not move the new one in (old one put back); 12: SOURCE is not a directory.
 */
export const swapScript = `set -u
T=$1 S=$2 P=$3
[ -d "$S" ] || { echo "no directory $S" >&2; exit 12; }
if [ -e "$T" ] || [ -L "$T" ]; then
  chmod "$(stat -c %a "$T")" "$S" 2>/dev/null
  chown "$(stat -c %u:%g "$T")" "$S" 2>/dev/null
  mv -- "$T" "$P" || exit 10
  if ! mv -- "$S" "$T"; then mv -- "$P" "$T"; exit 11; fi
else
  mv -- "$S" "$T" || exit 11
fi`;

/**
 * Puts PREVIOUS back as TARGET, moving the current TARGET to FAILED and deleting it. With no
 * PREVIOUS (the first deploy into an empty place) TARGET is just removed.
 */
export const restoreScript = `set -u
T=$1 P=$2 F=$3
if [ -e "$T" ] || [ -L "$T" ]; then mv -- "$T" "$F" || exit 10; fi
if [ -e "$P" ]; then
  if ! mv -- "$P" "$T"; then mv -- "$F" "$T"; exit 11; fi
fi
rm -rf -- "$F"`;

async function runScript(ports: Ports, containerId: string, what: string, script: string, args: readonly string[], signal?: AbortSignal): Promise<void> {
	const result = await ports.exec.run(containerId, ['sh', '-c', script, 'deckhand', ...args], {signal});
	if (result.exitCode !== 0) {
		const output = (result.stderr || result.stdout).trim().replaceAll(/\s+/g, ' ').slice(0, 300);
		throw new OperationFailedError(`${what} failed (exit ${result.exitCode})${output ? `: ${output}` : ''}`);
	}
}

/**
 * Creates the empty staging directory with one archive upload of a lone directory entry into the
 * target's parent (cheaper than an exec; the name is fresh, so nothing else is touched).
 */
export async function createStaging(ports: Ports, containerId: string, staging: string): Promise<void> {
	const pack = tar.pack();
	const chunks: Buffer[] = [];
	pack.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>(resolve => pack.on('end', resolve));
	pack.entry({name: `${posix.basename(staging)}/`, type: 'directory', mode: 0o755, uid: 0, gid: 0});
	pack.finalize();
	await ended;
	try {
		await ports.archive.write(containerId, posix.dirname(staging), Buffer.concat(chunks));
	} catch (error) {
		throw new OperationFailedError(`creating ${staging} failed: ${(error as {json?: {message?: string}}).json?.message ?? (error as Error).message}`);
	}
}

/** Swaps `source` (a complete tree) into the target's place; the old tree is kept as `previous`. */
export const swapIn = async (ports: Ports, containerId: string, paths: SwapPaths, source: string, signal?: AbortSignal): Promise<void> =>
	runScript(ports, containerId, `swapping ${source} into ${paths.target}`, swapScript, [paths.target, source, paths.previous], signal);

/** Swaps the kept previous tree back into place. */
export const swapBack = async (ports: Ports, containerId: string, paths: SwapPaths, signal?: AbortSignal): Promise<void> =>
	runScript(ports, containerId, `restoring ${paths.target}`, restoreScript, [paths.target, paths.previous, paths.failed], signal);

/** Starts removing paths in the container without waiting for it (the old tree after a good deploy). */
export async function removePathsDetached(ports: Ports, containerId: string, paths: readonly string[]): Promise<void> {
	await ports.exec.startDetached(containerId, ['rm', '-rf', '--', ...paths]).catch(async () => removePaths(ports, containerId, paths));
}

/** Removes paths (staging, a kept previous tree) recursively; best effort. */
export async function removePaths(ports: Ports, containerId: string, paths: readonly string[]): Promise<void> {
	await runScript(ports, containerId, `removing ${paths.join(', ')}`, 'rm -rf -- "$@"', paths).catch(() => undefined);
}
