import type {Command} from './types.js';

/**
 * Every subcommand, loaded lazily so `deckhand status` does not pay for Ink or the compose
 * parser. Add a line here when a command lands; the console is the empty name.
 */
export const commands: Readonly<Record<string, () => Promise<Command<any>>>> = {
	up: async () => (await import('./up.js')).default,
	down: async () => (await import('./down.js')).default,
	restart: async () => (await import('./restart.js')).default,
	stop: async () => (await import('./stop.js')).default,
	start: async () => (await import('./start.js')).default,
	wait: async () => (await import('./wait.js')).default,
	scale: async () => (await import('./scale.js')).default,
	doctor: async () => (await import('./doctor.js')).default,
	reload: async () => (await import('./reload.js')).default,
	supervise: async () => (await import('./supervise.js')).default,
	pack: async () => (await import('./pack.js')).default,
	deploy: async () => (await import('./deploy.js')).default,
	rollback: async () => (await import('./rollback.js')).default,
	mode: async () => (await import('./mode.js')).default,
	status: async () => (await import('./status.js')).default,
	logs: async () => (await import('./logs.js')).default,
};

/** The names, for help and "unknown command" errors. */
export const commandNames = (): string[] => Object.keys(commands).sort();
