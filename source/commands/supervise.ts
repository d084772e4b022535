/**
 * `deckhand supervise --print | --path`: hands out the in-container supervisor
 * (scripts/deckhand-supervise) so a Dockerfile can install it:
 * `RUN deckhand supervise --print > /usr/local/bin/deckhand-supervise` or `COPY` it from `--path`.
 */
import {UsageError} from '../engine/errors.js';
import {supervisorScript, supervisorScriptPath} from '../engine/reload/package-files.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'supervise',
	usage: 'deckhand supervise --print | --path',
	summary: 'Print the in-container supervisor script (or its path) for use as an image entrypoint',
	flags: {
		print: {type: 'boolean', default: false},
		path: {type: 'boolean', default: false},
	},
	async run({input, flags, stdout}) {
		if (input.length > 0) throw new UsageError(`supervise takes no arguments (got "${input[0]}")`);
		if (flags.print === flags.path) throw new UsageError('supervise needs exactly one of --print or --path');
		stdout.write(flags.print ? supervisorScript() : `${supervisorScriptPath()}\n`);
		return 0;
	},
});
