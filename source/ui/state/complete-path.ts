/**
 * Tab completion of a file path typed into a prompt (the deploy tarball): pure over an
 * injected directory lister, so tests need no files; the console passes the local one.
 */
import {readdirSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/** One directory entry as completion needs it. */
export type PathEntry = {readonly name: string; readonly directory: boolean};

/** Lists a directory; undefined when it cannot be read. */
export type DirectoryLister = (directory: string) => readonly PathEntry[] | undefined;

/** The local file system, relative paths from the current directory, `~/` as the home directory. */
export const listLocalDirectory: DirectoryLister = directory => {
	try {
		const resolved = directory.startsWith('~/') || directory === '~' ? path.join(homedir(), directory.slice(1)) : path.resolve(directory);
		return readdirSync(resolved, {withFileTypes: true}).map(entry => ({name: entry.name, directory: entry.isDirectory()}));
	} catch {
		return undefined;
	}
};

/**
 * Completes the last path segment of `text` as far as the matching entries agree, like a
 * shell: a unique directory gains a `/`; nothing matching leaves the text unchanged.
 * Hidden entries are offered only when the segment starts with a dot.
 */
export function completePath(text: string, list: DirectoryLister): string {
	const slash = text.lastIndexOf('/');
	const directory = slash < 0 ? '.' : text.slice(0, slash + 1) || '/';
	const head = slash < 0 ? '' : text.slice(0, slash + 1);
	const partial = text.slice(slash + 1);
	const matches = (list(directory) ?? []).filter(entry => entry.name.startsWith(partial) && (partial.startsWith('.') || !entry.name.startsWith('.')));
	if (matches.length === 0) return text;
	if (matches.length === 1) return `${head}${matches[0]!.name}${matches[0]!.directory ? '/' : ''}`;
	let common = matches[0]!.name;
	for (const {name} of matches) while (!name.startsWith(common)) common = common.slice(0, -1);
	return `${head}${common.length > partial.length ? common : partial}`;
}
