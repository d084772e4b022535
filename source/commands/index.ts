import type {Command} from './types.js';

/**
 * Every subcommand, loaded lazily so `deckhand status` does not pay for Ink or the compose
 * parser. Add a line here when a command lands; the console is the empty name.
 */
export const commands: Readonly<Record<string, () => Promise<Command<any>>>> = {
	up: async () => (await import('./up.js')).default,
	down: async () => (await import('./down.js')).default,
	restart: async () => (await import('./restart.js')).default,
	doctor: async () => (await import('./doctor.js')).default,
};

/** The names, for help and "unknown command" errors. */
export const commandNames = (): string[] => Object.keys(commands).sort();
