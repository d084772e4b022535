/**
 * How a command runs an operation of the engine's table: connect, run it with the command's
 * read-only flag and signal (runOperation refuses or cancels), and print its progress events
 * as lines or, with --json, one JSON object per line.
 */
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import type {LoadedCompose} from '../engine/compose/types.js';
import {escapeJsonForTerminal, sanitizeText} from '../engine/text/sanitize.js';
import {eventLine, operations, runOperation, StepFailedError, type OperationEvent, type OperationResult} from '../engine/operations/index.js';
import type {EnginePorts} from '../engine/ports/index.js';
import {connectPorts} from './connect.js';
import type {CommandContext} from './types.js';

type Table = typeof operations;

/** Options of `operate`. */
export type OperateOptions = {
	readonly json?: boolean;
	/** Replaces the default line printer (up's live list on a TTY). */
	readonly onEvent?: (event: OperationEvent) => void;
	/** Parallel engine calls, from the connected engine's mode. */
	readonly parallelism?: (ports: EnginePorts) => Promise<number>;
};

/** Runs operation `id` on `input` for a command; prints its events; a failed plan step's report goes to stderr. */
export async function operate<Id extends keyof Table>(command: Pick<CommandContext, 'global' | 'stdout' | 'stderr' | 'signal'>, id: Id, input: Parameters<Table[Id]['run']>[1], options: OperateOptions = {}): Promise<OperationResult> {
	const {ports} = await connectPorts(command.global);
	const parallelism = options.parallelism ? await options.parallelism(ports) : undefined;
	const print = options.onEvent ?? ((event: OperationEvent) => {
		if (options.json) command.stdout.write(`${escapeJsonForTerminal(JSON.stringify(event))}\n`);
		else {
			const line = eventLine(event);
			if (line) command.stdout.write(`${sanitizeText(line)}\n`);
		}
	});
	try {
		return await runOperation({ports, readOnly: command.global.readOnly, parallelism}, operations[id] as never, input as never, {signal: command.signal, onEvent: print});
	} catch (error) {
		if (error instanceof StepFailedError && !options.json) command.stderr.write(`${error.report.split("\n").map(line => sanitizeText(line)).join("\n")}\n`);
		throw error;
	}
}

/**
 * The compose project a command's -p / -f name: with -p and no -f the file is not read (the
 * containers' labels carry the rest); otherwise the files are loaded and name it.
 */
export function composeTarget(flags: {readonly file?: readonly string[]; readonly projectName?: string}): {readonly project: string; readonly loaded?: LoadedCompose} {
	if (flags.projectName && !flags.file?.length) return {project: normaliseProjectName(flags.projectName)};
	const loaded = loadCompose({files: flags.file, projectName: flags.projectName});
	return {project: loaded.project.name, loaded};
}
