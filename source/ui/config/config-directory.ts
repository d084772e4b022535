/**
 * Where the user's config lives, without loading the YAML parser: the console checks for
 * the file first and only then loads config.ts (start-up time matters over SSH).
 */
import {homedir} from 'node:os';
import {join} from 'node:path';
import {fileLimits, readOptionalBoundedText} from '../../engine/files/read-bounded.js';

/** The config directory: `$XDG_CONFIG_HOME/deckhand` or `~/.config/deckhand`. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
	return join(base, 'deckhand');
}

/**
 * True when the config file names engines at its top level (`engines:`), read as text without
 * the YAML parser: the console then watches those engines, so the early listing of the default
 * one (cli.tsx) is not asked for. A file it cannot read is left to the config loader to report.
 */
export function configNamesEngines(env: NodeJS.ProcessEnv = process.env): boolean {
	try {
		return /^engines\s*:/m.test(readOptionalBoundedText(join(configDirectory(env), 'config.yaml'), fileLimits.config) ?? '');
	} catch {
		return false;
	}
}
