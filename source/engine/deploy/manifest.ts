/**
 * The manifest `deckhand pack` puts in every app tarball (`.deckhand-manifest.json`) and the
 * content checksum it carries. Definition of `contentSha256`:
 *
 *   sha256 of the UTF-8 text made of one line per tar entry other than the manifest itself,
 *   sorted by path (JavaScript string order), each line
 *   `<type>\t<mode>\t<size>\t<digest>\t<path>\n` where
 *   - type is `file`, `directory`, `symlink` or `link` (hard link);
 *   - mode is the permission bits (mode & 0o7777) in octal, 4 digits;
 *   - size is the byte size of a file's content, 0 otherwise;
 *   - digest is the sha256 (hex) of a file's content, the link target of a symlink or hard
 *     link, `-` for a directory;
 *   - path is relative to the tarball root, without `./` or a trailing `/`.
 * Owners and times are not part of it: the same tree packed twice has the same checksum.
 */
import {createHash} from 'node:crypto';

/** File name of the manifest at the tarball root. */
export const manifestName = '.deckhand-manifest.json';

/** An entry type the checksum covers. */
export type ContentType = 'file' | 'directory' | 'symlink' | 'link';

/** One entry as the checksum sees it. */
export type ContentEntry = {
	readonly type: ContentType;
	readonly path: string;
	readonly mode: number;
	readonly size: number;
	/** sha256 hex of a file, link target of a link, `-` for a directory. */
	readonly digest: string;
};

/** The manifest's fields. */
export type Manifest = {
	readonly format: 1;
	readonly contentSha256: string;
	readonly entries: number;
	/** Sum of file sizes (uncompressed). */
	readonly bytes: number;
	/** ISO time the tarball was made. */
	readonly created: string;
	/** Absolute directory it was made from. */
	readonly source: string;
	/** `git rev-parse HEAD` of the source directory, when it is in a git work tree. */
	readonly gitRevision?: string;
	readonly deckhandVersion: string;
};

/** The checksum line of one entry. */
export function entryLine(entry: ContentEntry): string {
	return `${entry.type}\t${(entry.mode & 0o7777).toString(8).padStart(4, '0')}\t${entry.type === 'file' ? entry.size : 0}\t${entry.digest}\t${entry.path}\n`;
}

/** `contentSha256` of a set of entries (order does not matter). */
export function contentDigest(entries: readonly ContentEntry[]): string {
	const hash = createHash('sha256');
	for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) hash.update(entryLine(entry));
	return hash.digest('hex');
}

/** Parses and checks a manifest's text; returns the problem as a string when it is not one. */
export function parseManifest(text: string): Manifest | string {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return `${manifestName} is not JSON`;
	}
	const manifest = value as Partial<Manifest>;
	if (typeof value !== 'object' || value === null || manifest.format !== 1) return `${manifestName} has an unknown format (expected "format": 1)`;
	if (typeof manifest.contentSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(manifest.contentSha256)) return `${manifestName} has no valid contentSha256`;
	return manifest as Manifest;
}
