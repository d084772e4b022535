/**
 * Runs one deckhand subcommand in-process with captured output, the way cli.tsx would: a
 * thrown DeckhandError becomes its exit code and a line on stderr; anything else is a bug
 * and is rethrown.
 */
import {PassThrough} from 'node:stream';
import {DeckhandError} from '../../source/engine/errors.js';
import type {Command} from '../../source/commands/types.js';

/** What a subcommand run printed and the exit code it ended with. */
export type CommandResult = {code: number; out: string; err: string};

/** Runs `command` with `input` and `flags` (no global flags); returns its exit code, stdout and stderr. */
export async function runCommand(command: Pick<Command, 'run'>, input: string[], flags: Record<string, unknown>): Promise<CommandResult> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', c => (out += c));
	stderr.on('data', c => (err += c));
	let code: number;
	try {
		code = await command.run({input, flags: flags as never, global: {}, stdout: stdout as never, stderr: stderr as never, signal: new AbortController().signal});
	} catch (error) {
		if (!(error instanceof DeckhandError)) throw error;
		code = error.exitCode;
		err += `${error.message}\n`;
	}
	return {code, out, err};
}
