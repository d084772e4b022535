/**
 * The backup step of a deploy: a directory as Docker's archive endpoint returns it (entries
 * prefixed with the directory's base name; the deploy reads the previous tree where the swap
 * parked it, so that is `<target>.deckhand-previous-<id>/`), streamed to
 * `<state>/backups/<service>/<time>.tar` (written as `.partial`, renamed when complete). The deploy
 * prunes old backups once it is over.
 */
import {createReadStream, createWriteStream} from 'node:fs';
import {rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {pipeline} from 'node:stream/promises';
import * as tar from 'tar-stream';
import type {EnginePorts} from '../ports/index.js';
import {backupDirectory, backupFileName, ensureDirectory} from './state.js';

/** Options of `backupTarget`. */
export type BackupOptions = {
	readonly state: string;
	/** The service key backups are kept under. */
	readonly service: string;
	readonly signal?: AbortSignal;
	readonly now?: () => Date;
};

/** Saves a directory of the container; returns the backup's path, or undefined when it does not exist. */
export async function backupTarget(ports: Pick<EnginePorts, 'archive'>, containerId: string, target: string, options: BackupOptions): Promise<string | undefined> {
	const archive = await ports.archive.read(containerId, target);
	if (!archive) return undefined;
	const directory = await ensureDirectory(backupDirectory(options.state, options.service));
	const path = join(directory, backupFileName(options.now?.() ?? new Date()));
	const partial = `${path}.partial`;
	try {
		await pipeline(archive, createWriteStream(partial, {mode: 0o600}), {signal: options.signal});
		await rename(partial, path);
	} catch (error) {
		await rm(partial, {force: true});
		throw error;
	}
	return path;
}

/** The directory a backup holds (its entries' first path component), read from its first entry. */
export async function backupTopDirectory(path: string): Promise<string | undefined> {
	const extract = tar.extract();
	const source = createReadStream(path);
	source.pipe(extract);
	try {
		for await (const entry of extract) {
			entry.resume();
			return entry.header.name.replace(/^\.\//, '').split('/')[0] || undefined;
		}
		return undefined;
	} finally {
		source.destroy();
		extract.destroy();
	}
}
