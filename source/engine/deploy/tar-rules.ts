/**
 * The safety rules of an app tarball, as pure functions over tar headers: what may be extracted
 * into a container's app directory without writing anywhere else. A tarball is refused when any
 * entry has an absolute path or `..`, is a device, fifo or other special file, repeats a path,
 * goes through a symlink, or links (soft or hard) outside the tree; and when it is too big.
 */
import {contentDigest, manifestName, type ContentEntry, type ContentType} from './manifest.js';

/** The header fields the rules read (tar-stream's header). */
export type TarHeader = {readonly name: string; readonly type?: string | null; readonly linkname?: string | null; readonly size?: number; readonly mode?: number};

/** What the rules remember across entries. */
export type TarScan = {
	readonly entries: Map<string, ContentEntry>;
	readonly symlinks: Map<string, string>;
	/** Every path seen, the manifest included. */
	readonly seen: Set<string>;
	bytes: number;
	count: number;
};

/** Limits of a tarball. */
export type TarLimits = {
	/** Sum of file sizes, uncompressed. */
	readonly maxBytes: number;
	readonly maxEntries: number;
};

/** 512 MiB and 200,000 entries. */
export const defaultTarLimits: TarLimits = {maxBytes: 512 * 1024 * 1024, maxEntries: 200_000};

/** A new, empty scan. */
export const newTarScan = (): TarScan => ({entries: new Map(), symlinks: new Map(), seen: new Set(), bytes: 0, count: 0});

/** `./a/b/` → `a/b`; the root itself → ''. Absolute paths keep their leading `/`. */
export function normaliseEntryPath(name: string): string {
	let path = name.replaceAll(/\/{2,}/g, '/');
	while (path.startsWith('./')) path = path.slice(2);
	if (path === '.') return '';
	return path.replace(/\/+$/, '');
}

const typeNames: Readonly<Record<string, string>> = {
	'character-device': 'a character device',
	'block-device': 'a block device',
	fifo: 'a fifo',
	'contiguous-file': 'a contiguous file',
};

const contentTypes: Readonly<Record<string, ContentType>> = {file: 'file', directory: 'directory', symlink: 'symlink', link: 'link'};

/** Why a path cannot be extracted safely, or undefined. */
export function pathProblem(path: string): string | undefined {
	if (path.startsWith('/')) return 'absolute path';
	if (path.split('/').includes('..')) return 'path contains ".." (would leave the target directory)';
	if (path.includes('\0')) return 'path contains a NUL byte';
	return undefined;
}

/**
 * Follows `target` from directory `from` (path components) through the tarball's own symlinks;
 * returns the resolved components, or undefined when it leaves the tree (or loops).
 */
export function resolveInTree(from: readonly string[], target: string, symlinks: ReadonlyMap<string, string>): string[] | undefined {
	if (target.startsWith('/')) return undefined;
	const stack = [...from];
	let queue = target.split('/');
	for (let hops = 0; queue.length > 0; ) {
		const part = queue.shift()!;
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (stack.length === 0) return undefined;
			stack.pop();
			continue;
		}
		stack.push(part);
		const link = symlinks.get(stack.join('/'));
		if (link === undefined) continue;
		if (++hops > 40 || link.startsWith('/')) return undefined;
		stack.pop();
		queue = [...link.split('/'), ...queue];
	}
	return stack;
}

/**
 * Checks one header against the rules and what came before; records it. Returns the problem
 * (one line, naming the entry), or undefined when the entry is fine. The manifest is not recorded.
 */
export function checkEntry(scan: TarScan, header: TarHeader, limits: TarLimits): string | undefined {
	const path = normaliseEntryPath(header.name);
	const type = header.type ?? 'file';
	const shown = JSON.stringify(header.name);
	const problem = pathProblem(path);
	if (problem) return `${shown}: ${problem}`;
	if (typeNames[type]) return `${shown}: ${typeNames[type]} is not allowed`;
	const contentType = contentTypes[type];
	if (!contentType) return `${shown}: entry type "${type}" is not allowed`;
	if (path === '') return contentType === 'directory' ? undefined : `${shown}: the root must be a directory`;
	if (++scan.count > limits.maxEntries) return `more than ${limits.maxEntries} entries`;
	if (scan.seen.has(path)) return `${shown}: the path appears twice`;
	scan.seen.add(path);
	if (path === manifestName && contentType !== 'file') return `${shown}: the manifest must be a regular file`;
	const parts = path.split('/');
	for (let depth = 1; depth < parts.length; depth++) {
		const parent = parts.slice(0, depth).join('/');
		if (scan.symlinks.has(parent)) return `${shown}: goes through the symlink ${JSON.stringify(parent)}`;
		if (scan.entries.get(parent) && scan.entries.get(parent)!.type !== 'directory') return `${shown}: its parent ${JSON.stringify(parent)} is not a directory`;
	}
	const linkname = header.linkname ?? '';
	if (contentType === 'symlink') {
		if (linkname.startsWith('/')) return `${shown}: symlink to the absolute path ${JSON.stringify(linkname)} points outside the target`;
		if (!resolveInTree(parts.slice(0, -1), linkname, scan.symlinks)) return `${shown}: symlink to ${JSON.stringify(linkname)} points outside the target`;
		scan.symlinks.set(path, linkname);
	}
	if (contentType === 'link') {
		const target = normaliseEntryPath(linkname);
		if (pathProblem(target) || scan.entries.get(target)?.type !== 'file') return `${shown}: hard link to ${JSON.stringify(linkname)}, which is not a file of this tarball`;
	}
	const size = contentType === 'file' ? (header.size ?? 0) : 0;
	scan.bytes += size;
	if (scan.bytes > limits.maxBytes) return `content is larger than the limit of ${limits.maxBytes} bytes (at ${shown})`;
	if (path !== manifestName) {
		scan.entries.set(path, {type: contentType, path, mode: header.mode ?? 0o644, size, digest: contentType === 'directory' ? '-' : contentType === 'file' ? '' : linkname});
	}
	return undefined;
}

/**
 * Final checks once every entry was seen: each symlink still resolves inside the tree now that
 * all links are known (a later link can redirect an earlier one). Returns the problem or undefined.
 */
export function checkSymlinks(scan: TarScan): string | undefined {
	for (const [path, target] of scan.symlinks) {
		if (!resolveInTree(path.split('/').slice(0, -1), target, scan.symlinks)) return `${JSON.stringify(path)}: symlink to ${JSON.stringify(target)} points outside the target`;
	}
	return undefined;
}

/** The content checksum of what was scanned (file digests filled in by the reader). */
export const scannedDigest = (scan: TarScan): string => contentDigest([...scan.entries.values()]);
