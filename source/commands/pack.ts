/**
 * `deckhand pack DIR [-o FILE] [--json]`: a gzip tarball of DIR with `.deckhand-manifest.json`
 * (content sha256, created time, source dir, git revision, deckhand version), ready for `deploy`.
 */
import {statSync} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {readGitRevision} from '../engine/deploy/git-revision.js';
import {packDirectory} from '../engine/deploy/pack.js';
import {DeckhandError, OperationFailedError, UsageError} from '../engine/errors.js';
import {deckhandVersion} from '../engine/reload/package-files.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'pack',
	usage: 'deckhand pack DIR [-o FILE] [--json]',
	summary: 'Build an app tarball with a manifest for deckhand deploy',
	flags: {
		output: {type: 'string', shortFlag: 'o'},
		json: {type: 'boolean', default: false},
	},
	async run({input, flags, stdout}) {
		if (input.length !== 1) throw new UsageError('pack needs exactly one DIR');
		const directory = resolve(input[0]!);
		const output = resolve(flags.output ?? `${basename(directory) || 'app'}.tar.gz`);
		const outputDirectory = dirname(output);
		if (!statSync(outputDirectory, {throwIfNoEntry: false})?.isDirectory()) throw new UsageError(`-o ${flags.output ?? output}: directory ${outputDirectory} does not exist`);
		if (statSync(output, {throwIfNoEntry: false})?.isDirectory()) throw new UsageError(`-o ${flags.output}: is a directory`);
		const manifest = await packDirectory(directory, {output, deckhandVersion: deckhandVersion(), gitRevision: readGitRevision(directory)}).catch((error: NodeJS.ErrnoException) => {
			// A file-system refusal is one line naming the output, never a stack.
			if (error instanceof DeckhandError || typeof error.code !== 'string') throw error;
			const message = `cannot write ${output}: ${error.code}`;
			throw ['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EROFS'].includes(error.code) ? new UsageError(message) : new OperationFailedError(message);
		});
		if (flags.json) stdout.write(`${JSON.stringify({output, ...manifest})}\n`);
		else stdout.write(`${output}: ${manifest.entries} entries, ${manifest.bytes} bytes, content sha256 ${manifest.contentSha256}${manifest.gitRevision ? `, git ${manifest.gitRevision.slice(0, 12)}` : ''}\n`);
		return 0;
	},
});
