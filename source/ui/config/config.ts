/**
 * The user config file, `$XDG_CONFIG_HOME/deckhand/config.yaml` (default
 * `~/.config/deckhand/config.yaml`):
 *
 * ```yaml
 * theme: light            # a built-in theme or NAME.json in this directory
 * keys:                   # command id → key or keys (replaces the defaults)
 *   container.restart: ctrl-r
 *   cursor.down: [j, down]
 * ```
 * Validated on load: a bad file is a UsageError naming the field.
 */
import {join} from 'node:path';
import {parse} from 'yaml';
import {UsageError} from '../../engine/errors.js';
import {fileLimits, readOptionalBoundedText} from '../../engine/files/read-bounded.js';
import type {KeyOverrides} from '../keys/keymap.js';
import {configDirectory} from './config-directory.js';

/** What the config file may say. */
export type UserConfig = {
	readonly theme?: string;
	readonly keys: KeyOverrides;
};

export {configDirectory} from './config-directory.js';

/** Parses and validates the text of a config file; `source` names it in errors. */
export function parseConfig(text: string, source: string): UserConfig {
	let value: unknown;
	try {
		value = parse(text);
	} catch (error) {
		throw new UsageError(`config ${source}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
	}
	if (value === null || value === undefined) return {keys: {}};
	if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`config ${source}: must be a mapping with "theme" and/or "keys"`);
	const record = value as Record<string, unknown>;
	for (const field of Object.keys(record)) {
		if (field !== 'theme' && field !== 'keys') throw new UsageError(`config ${source}: unknown field "${field}" (fields: theme, keys)`);
	}
	if (record.theme !== undefined && typeof record.theme !== 'string') throw new UsageError(`config ${source}: theme must be a theme name`);
	const keys: Record<string, string[]> = {};
	if (record.keys !== undefined && record.keys !== null) {
		if (typeof record.keys !== 'object' || Array.isArray(record.keys)) throw new UsageError(`config ${source}: keys must map command ids to a key or a list of keys`);
		for (const [id, binding] of Object.entries(record.keys as Record<string, unknown>)) {
			const list = typeof binding === 'string' ? [binding] : binding;
			if (!Array.isArray(list) || !list.every(key => typeof key === 'string')) throw new UsageError(`config ${source}: keys.${id} must be a key or a list of keys`);
			keys[id] = list as string[];
		}
	}
	return {theme: record.theme as string | undefined, keys};
}

/** Reads the user's config file; a missing file is an empty config. */
export function loadConfig(options: {env?: NodeJS.ProcessEnv; directory?: string; readFile?: (path: string) => string | undefined} = {}): UserConfig & {directory: string} {
	const directory = options.directory ?? configDirectory(options.env);
	const path = join(directory, 'config.yaml');
	const read = options.readFile ?? ((file: string) => readOptionalBoundedText(file, fileLimits.config, `config ${file}`));
	const text = read(path);
	return {...(text === undefined ? {keys: {}} : parseConfig(text, path)), directory};
}
