/**
 * The git revision of a directory, read from `.git` files directly (what `git rev-parse HEAD`
 * prints, without running git): HEAD, a loose ref, or packed-refs; worktrees' `gitdir:` files too.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';

function gitDirectoryOf(start: string): string | undefined {
	for (let directory = resolve(start); ; directory = dirname(directory)) {
		const candidate = join(directory, '.git');
		if (existsSync(candidate)) {
			if (statSync(candidate).isDirectory()) return candidate;
			const pointer = readFileSync(candidate, 'utf8').match(/^gitdir:\s*(.+)\s*$/m);
			return pointer ? resolve(directory, pointer[1]!) : undefined;
		}
		if (dirname(directory) === directory) return undefined;
	}
}

/** The commit HEAD points at for `directory`, or undefined when it is not in a git work tree. */
export function readGitRevision(directory: string): string | undefined {
	try {
		const gitDirectory = gitDirectoryOf(directory);
		if (!gitDirectory) return undefined;
		const head = readFileSync(join(gitDirectory, 'HEAD'), 'utf8').trim();
		if (/^[0-9a-f]{40,64}$/.test(head)) return head;
		const ref = head.match(/^ref:\s*(.+)$/)?.[1];
		if (!ref) return undefined;
		// Worktrees keep shared refs in the common directory.
		const common = existsSync(join(gitDirectory, 'commondir')) ? resolve(gitDirectory, readFileSync(join(gitDirectory, 'commondir'), 'utf8').trim()) : gitDirectory;
		for (const base of [gitDirectory, common]) {
			const loose = join(base, ref);
			if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
		}
		const packed = readFileSync(join(common, 'packed-refs'), 'utf8');
		return packed.split('\n').find(line => line.endsWith(` ${ref}`))?.split(' ')[0];
	} catch {
		return undefined;
	}
}
