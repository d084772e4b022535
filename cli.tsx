#!/usr/bin/env node
/**
 * deckhand's entry point: parse the command line, then either render the console (no
 * subcommand) or run one subcommand. Nothing else lives here.
 */
import {commands, commandNames} from './source/commands/index.js';
import {parseConsoleArgv} from './source/console-argv.js';
import {earlyUnixHost, readCurrentContextCheaply, requestEarlyList} from './source/docker/early-list.js';
import {DeckhandError, ExitCode, UsageError} from './source/engine/errors.js';
import {sanitizeText} from './source/engine/text/sanitize.js';
import {configNamesEngines} from './source/ui/config/config-directory.js';
import {canPaintFirstLook, startFirstLook} from './source/ui/first-look-paint.js';

const globalFlags = {
	host: {type: 'string', shortFlag: 'H', isMultiple: true},
	context: {type: 'string', shortFlag: 'c', isMultiple: true},
	theme: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
} as const;

const valueFlags = new Set(['--host', '-H', '--context', '-c', '--theme']);

const help = () => `
  Usage
    $ deckhand [--context NAME | --host URL] [--theme NAME] [--read-only]   the console
    $ deckhand [--read-only] <command> [options]                            one operation

  Commands
    ${commandNames().join(', ') || '(none yet)'}

  --read-only refuses every command that would change the engine (exit 2).
  Run "deckhand <command> --help" for a command's options.
  Exit codes: 0 success, 1 operation failed, 2 bad input, 3 no engine reachable.
`;

/** Finds the subcommand: the first positional argument not consumed by a global flag. */
function splitCommand(argv: readonly string[]): {name?: string; rest: string[]} {
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') break;
		if (valueFlags.has(argument)) {
			index++;
			continue;
		}
		if (argument.startsWith('-')) continue;
		return {name: argument, rest: [...argv.slice(0, index), ...argv.slice(index + 1)]};
	}
	return {rest: [...argv]};
}

/** The first flag in argv that the spec does not know, so bad input gets one line and exit 2. */
function findUnknownFlag(argv: readonly string[], flags: Record<string, {shortFlag?: string; aliases?: readonly string[]}>): string | undefined {
	const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
	const known = new Set(['help', 'version']);
	for (const [name, spec] of Object.entries(flags)) {
		known.add(kebab(name));
		if (spec.shortFlag) known.add(spec.shortFlag);
		for (const alias of spec.aliases ?? []) known.add(alias);
	}
	for (const argument of argv) {
		if (argument === '--') break;
		if (!argument.startsWith('-') || argument === '-' || /^-\d/.test(argument)) continue;
		const name = argument.replace(/^--?/, '').replace(/=.*$/, '').replace(/^no-/, '');
		if (argument.startsWith('--') ? !known.has(name) : ![...name].every(letter => known.has(letter))) return argument.replace(/=.*$/, '');
	}
	return undefined;
}

// meow loads only when used (subcommands, and console command lines beyond the plain shapes).
async function parse<Flags extends Record<string, any>>(helpText: string, argv: string[], flags: Flags) {
	const unknown = findUnknownFlag(argv, flags);
	if (unknown) throw new UsageError(`unknown option ${unknown} (see --help)`);
	const {default: meow} = await import('meow');
	// meow shows help only when --help comes without arguments; `deckhand reload web --help` must
	// print the help too, never run the command.
	const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
	const help = argv.slice(0, end).includes('--help');
	return meow(helpText, {importMeta: import.meta, argv: help ? ['--help'] : argv, flags, allowUnknownFlags: true});
}

async function main(argv: readonly string[]): Promise<number> {
	const {name, rest} = splitCommand(argv);
	const controller = new AbortController();
	let interrupts = 0;
	// The first Ctrl-C aborts the running operation, which stops and says what it left in which
	// state (exit 1); a second one while it winds down leaves at once.
	process.on('SIGINT', () => {
		if (++interrupts > 1) process.exit(130);
		controller.abort(new Error('interrupted'));
	});

	if (name === undefined) {
		const parsed = (parseConsoleArgv(rest) ?? (await parse(help(), rest, globalFlags)).flags) as {host?: string | string[]; context?: string | string[]; theme?: string; readOnly: boolean};
		const hosts = ([] as string[]).concat(parsed.host ?? []);
		const contexts = ([] as string[]).concat(parsed.context ?? []);
		// Several engines: one console watching them all (hosts first, then contexts, as status does).
		const global = globalEngines(hosts, contexts);
		const several = global.engines.length > 1 ? global.engines : undefined;
		const flags = several ? {theme: parsed.theme, readOnly: parsed.readOnly} : {host: global.host, context: global.context, theme: parsed.theme, readOnly: parsed.readOnly};
		// The container list is asked for now, while the console's code loads (early-list.ts).
		// `engines:` in the config file counts only without --host/--context (as the console decides).
		const fromConfig = global.engines.length === 0 && configNamesEngines(process.env);
		const earlyHost = several || fromConfig ? undefined : earlyUnixHost(flags, process.env, () => readCurrentContextCheaply(process.env));
		const earlyList = earlyHost ? requestEarlyList(earlyHost) : undefined;
		// Its rows are painted as soon as it answers, while the rest of the console loads.
		const firstLook = earlyList && canPaintFirstLook(process.stdout, process.stdin, process.env) ? startFirstLook(earlyList, process.stdout, process.stdin, {readOnly: flags.readOnly}) : undefined;
		try {
			const {runConsole} = await import('./source/ui/run-console.js');
			return await runConsole({host: flags.host, context: flags.context, theme: flags.theme, readOnly: flags.readOnly, earlyList, firstLook, engines: several});
		} finally {
			// The console ended before drawing (no engine, bad input): its one line goes to the normal screen.
			firstLook?.release();
		}
	}

	const load = commands[name];
	if (!load) {
		process.stderr.write(`deckhand: unknown command "${name}" (commands: ${commandNames().join(', ')})\n`);
		return ExitCode.usage;
	}
	const command = await load();
	const cli = await parse(`\n  Usage\n    $ deckhand ${command.usage.replace(/^deckhand /, '')}\n\n  ${command.summary}\n`, rest, {...globalFlags, ...command.flags});
	const global = globalEngines(cli.flags.host as string[] | undefined, cli.flags.context as string[] | undefined);
	// Only status reports per engine; every other command acts on exactly one engine.
	if (global.engines.length > 1 && name !== 'status') throw new UsageError(`${name} takes one --host or --context`);
	return command.run({
		input: cli.input,
		flags: cli.flags as never,
		global: {...global, readOnly: cli.flags.readOnly === true},
		stdout: process.stdout,
		stderr: process.stderr,
		signal: controller.signal,
	});
}

/** The engines the repeated --host/--context flags name (hosts first), and the first as the one engine. */
function globalEngines(hosts: readonly string[] = [], contexts: readonly string[] = []) {
	const engines = [...hosts.map(host => ({name: host, host})), ...contexts.map(context => ({name: context, context}))];
	return {host: hosts[0], context: hosts.length === 0 ? contexts[0] : undefined, engines};
}

/** An error carrying one of deckhand's exit codes, whichever copy of errors.js made it. */
function isDeckhandError(error: unknown): error is Error & {exitCode: number} {
	const exitCode = (error as {exitCode?: unknown} | undefined)?.exitCode;
	return error instanceof Error && typeof exitCode === 'number' && Object.values(ExitCode).includes(exitCode as never) && exitCode !== 0;
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// By class or by shape: a DeckhandError from a second copy of the module (a chunk loaded
		// twice) is still bad input or an unreachable engine, never an internal error with a stack.
		if (error instanceof DeckhandError || isDeckhandError(error)) {
			// Messages may quote user input (a service name with U+202E): shown escaped, on one line.
			process.stderr.write(`deckhand: ${sanitizeText(error.message.split('\n')[0])}\n`);
			process.exitCode = error.exitCode;
			return;
		}
		process.stderr.write(`deckhand: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = ExitCode.failed;
	},
);
