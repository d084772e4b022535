/**
 * Where the user's config lives, without loading the YAML parser: the console checks for
 * the file first and only then loads config.ts (start-up time matters over SSH).
 */
import {homedir} from 'node:os';
import {join} from 'node:path';

/** The config directory: `$XDG_CONFIG_HOME/deckhand` or `~/.config/deckhand`. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
	return join(base, 'deckhand');
}
