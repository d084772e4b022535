import type {Command} from './types.js';

/**
 * Every subcommand, loaded lazily so `deckhand status` does not pay for Ink or the compose
 * parser. Add a line here when a command lands; the console is the empty name.
 */
export const commands: Readonly<Record<string, () => Promise<Command<any>>>> = {};

/** The names, for help and "unknown command" errors. */
export const commandNames = (): string[] => Object.keys(commands).sort();
