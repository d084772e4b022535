/**
 * `deckhand pack DIR`: a gzip tarball (plain tar when the output ends in `.tar`) of a directory's tree (paths relative to DIR, owned by
 * root like `docker cp` writes them) with `.deckhand-manifest.json` last, whose contentSha256
 * is computed while the files stream in (one read of each file).
 */
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {lstat, readdir, readlink} from 'node:fs/promises';
import {join, relative, resolve} from 'node:path';
import {pipeline} from 'node:stream/promises';
import {createGzip} from 'node:zlib';
import * as tar from 'tar-stream';
import {UsageError} from '../errors.js';
import {contentDigest, manifestName, type ContentEntry, type Manifest} from './manifest.js';

/** Options of `packDirectory`. */
export type PackOptions = {
	readonly output: string;
	readonly deckhandVersion: string;
	readonly gitRevision?: string;
	readonly now?: () => Date;
};

/** Paths under `root` (relative, sorted, depth first), skipping `skip` (absolute) and an old manifest. */
async function walk(root: string, skip: string, relativeTo = ''): Promise<string[]> {
	const names = (await readdir(join(root, relativeTo))).sort();
	const out: string[] = [];
	for (const name of names) {
		const path = relativeTo ? `${relativeTo}/${name}` : name;
		if (resolve(root, path) === skip || path === manifestName) continue;
		out.push(path);
		if ((await lstat(join(root, path))).isDirectory()) out.push(...(await walk(root, skip, path)));
	}
	return out;
}

/** Adds one entry; resolves once its content is in the tar stream. */
async function addEntry(pack: tar.Pack, header: tar.Headers, content?: string): Promise<void> {
	await new Promise<void>((resolve_, reject) => pack.entry(header, content ?? '', error => (error ? reject(error) : resolve_())));
}

/** Packs `directory` into a tarball at `options.output` (gzip unless it ends in `.tar`); returns the manifest written. */
export async function packDirectory(directory: string, options: PackOptions): Promise<Manifest> {
	const root = resolve(directory);
	const rootStat = await lstat(root).catch(() => undefined);
	if (!rootStat?.isDirectory()) throw new UsageError(`not a directory: ${directory}`);
	const output = resolve(options.output);
	const paths = await walk(root, output);
	const pack = tar.pack();
	// A `.tar` output stays uncompressed (for content that does not compress: no gunzip on either side).
	const written = output.endsWith('.tar') ? pipeline(pack, createWriteStream(output)) : pipeline(pack, createGzip(), createWriteStream(output));
	const entries: ContentEntry[] = [];
	const owner = {uid: 0, gid: 0, uname: 'root', gname: 'root'};
	try {
		for (const path of paths) {
			const absolute = join(root, path);
			const stat = await lstat(absolute);
			const mode = stat.mode & 0o7777;
			if (stat.isDirectory()) {
				await addEntry(pack, {name: path, type: 'directory', mode, mtime: stat.mtime, ...owner});
				entries.push({type: 'directory', path, mode, size: 0, digest: '-'});
			} else if (stat.isSymbolicLink()) {
				const target = await readlink(absolute);
				await addEntry(pack, {name: path, type: 'symlink', linkname: target, mode, mtime: stat.mtime, ...owner});
				entries.push({type: 'symlink', path, mode, size: 0, digest: target});
			} else if (stat.isFile()) {
				const hash = createHash('sha256');
				const sink = pack.entry({name: path, type: 'file', size: stat.size, mode, mtime: stat.mtime, ...owner});
				const source = createReadStream(absolute);
				source.on('data', chunk => hash.update(chunk));
				await pipeline(source, sink);
				entries.push({type: 'file', path, mode, size: stat.size, digest: hash.digest('hex')});
			} else throw new UsageError(`cannot pack ${relative(process.cwd(), absolute) || absolute}: only files, directories and symlinks can go in an app tarball`);
		}
		const manifest: Manifest = {
			format: 1,
			contentSha256: contentDigest(entries),
			entries: entries.length,
			bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
			created: (options.now?.() ?? new Date()).toISOString(),
			source: root,
			...(options.gitRevision ? {gitRevision: options.gitRevision} : {}),
			deckhandVersion: options.deckhandVersion,
		};
		await addEntry(pack, {name: manifestName, type: 'file', mode: 0o644, mtime: new Date(manifest.created), ...owner}, `${JSON.stringify(manifest, undefined, 2)}\n`);
		pack.finalize();
		await written;
		return manifest;
	} catch (error) {
		pack.destroy(error as Error);
		await written.catch(() => undefined);
		throw error;
	}
}
