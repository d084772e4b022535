/**
 * The user config file, `$XDG_CONFIG_HOME/deckhand/config.yaml` (default
 * `~/.config/deckhand/config.yaml`):
 *
 * ```yaml
 * theme: light            # a built-in theme or NAME.json in this directory
 * keys:                   # command id → key or keys (replaces the defaults)
 *   container.restart: ctrl-r
 *   cursor.down: [j, down]
 * engines:                # several engines in one console (when no --host/--context is given)
 *   local: unix:///var/run/docker.sock     # a URL (with ://) is a host
 *   prod: prod                             # anything else is a docker context
 *   db: {host: ssh://ops@db1}              # or say which
 * ```
 * Validated on load: a bad file is a UsageError naming the field.
 */
import {join} from 'node:path';
import {parse} from 'yaml';
import {UsageError} from '../../engine/errors.js';
import {fileLimits, readOptionalBoundedText} from '../../engine/files/read-bounded.js';
import type {EngineSpec} from '../data/fleet-start.js';
import type {KeyOverrides} from '../keys/keymap.js';
import {configDirectory} from './config-directory.js';

/** What the config file may say. */
export type UserConfig = {
	readonly theme?: string;
	readonly keys: KeyOverrides;
	/** The engines the console watches when no --host/--context is given, in file order. */
	readonly engines?: readonly EngineSpec[];
};

const fields = ['theme', 'keys', 'engines'];

/** The `engines:` mapping as engine specs; a bad entry is a UsageError naming it. */
export function parseEngines(value: unknown, source: string): EngineSpec[] {
	const usage = `config ${source}: engines must map a name to a host URL or a context name`;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(usage);
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length === 0) throw new UsageError(`config ${source}: engines is empty`);
	return entries.map(([name, target]) => {
		if (!/^[\w.@:-]{1,40}$/.test(name)) throw new UsageError(`config ${source}: engine name "${name.slice(0, 40)}" must be 1-40 letters, digits or . _ - @ :`);
		if (typeof target === 'string' && target.trim() !== '') return target.includes('://') ? {name, host: target} : {name, context: target};
		const record = typeof target === 'object' && target !== null && !Array.isArray(target) ? (target as Record<string, unknown>) : undefined;
		const keys = record ? Object.keys(record) : [];
		if (!record || keys.length !== 1 || !['host', 'context'].includes(keys[0]!) || typeof record[keys[0]!] !== 'string' || record[keys[0]!] === '') {
			throw new UsageError(`config ${source}: engines.${name} must be a host URL, a context name, {host: URL} or {context: NAME}`);
		}
		return keys[0] === 'host' ? {name, host: record.host as string} : {name, context: record.context as string};
	});
}

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
	if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`config ${source}: must be a mapping with "theme", "keys" and/or "engines"`);
	const record = value as Record<string, unknown>;
	for (const field of Object.keys(record)) {
		if (!fields.includes(field)) throw new UsageError(`config ${source}: unknown field "${field}" (fields: ${fields.join(', ')})`);
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
	const engines = record.engines === undefined || record.engines === null ? undefined : parseEngines(record.engines, source);
	return {theme: record.theme as string | undefined, keys, ...(engines ? {engines} : {})};
}

/** Reads the user's config file; a missing file is an empty config. */
export function loadConfig(options: {env?: NodeJS.ProcessEnv; directory?: string; readFile?: (path: string) => string | undefined} = {}): UserConfig & {directory: string} {
	const directory = options.directory ?? configDirectory(options.env);
	const path = join(directory, 'config.yaml');
	const read = options.readFile ?? ((file: string) => readOptionalBoundedText(file, fileLimits.config, `config ${file}`));
	const text = read(path);
	return {...(text === undefined ? {keys: {}} : parseConfig(text, path)), directory};
}
