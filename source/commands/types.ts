import type {Flag, TypedFlags} from 'meow';

/** meow's flag spec shape (meow does not export its own alias). */
export type AnyFlags = Record<
	string,
	| Flag<'string', string>
	| Flag<'string', string[], true>
	| Flag<'boolean', boolean>
	| Flag<'boolean', boolean[], true>
	| Flag<'number', number>
	| Flag<'number', number[], true>
>;

/** What a subcommand is given: parsed input, its streams and an abort signal (Ctrl-C). */
export type CommandContext<Flags extends AnyFlags = AnyFlags> = {
	readonly input: readonly string[];
	readonly flags: TypedFlags<Flags> & Record<string, unknown>;
	/** Global flags: --host, --context (repeatable: `engines`), --read-only (operations refuse to change the engine). */
	readonly global: {readonly host?: string; readonly context?: string; readonly engines?: readonly EngineChoice[]; readonly readOnly?: boolean};
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	readonly signal: AbortSignal;
};

/**
 * One subcommand: its meow flag spec, a usage line, and `run`, which returns the exit code
 * or throws a DeckhandError (cli.tsx turns that into a one-line message and its code).
 */
export type Command<Flags extends AnyFlags = AnyFlags> = {
	readonly name: string;
	readonly usage: string;
	readonly summary: string;
	readonly flags: Flags;
	run(context: CommandContext<Flags>): Promise<number>;
};

/** Identity helper that keeps a command's flag types. */
export function defineCommand<const Flags extends AnyFlags>(command: Command<Flags>): Command<Flags> {
	return command;
}

/** One engine named on the command line (`--host URL` or `--context NAME`), as `status` reports it. */
export type EngineChoice = {readonly name: string; readonly host?: string; readonly context?: string};
