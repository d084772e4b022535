/**
 * Where deploys keep things on the operator's machine: the XDG state directory
 * (`$XDG_STATE_HOME/deckhand`, else `~/.local/state/deckhand`) with `backups/<service>/<time>.tar`,
 * `locks/<service>.lock` and `deploys.jsonl`. Backups are pruned to the newest N.
 */
import {mkdir, readdir, rm} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';

/** The state directory for an environment. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
	return join(base, 'deckhand');
}

/** A file-name-safe key for a service (`my/app:1` → `my_app_1`). */
export const serviceKey = (service: string): string => service.replaceAll(/[^\w.-]/g, '_').replace(/^\.+/, '_') || '_';

/** Directory of a service's backups. */
export const backupDirectory = (state: string, service: string): string => join(state, 'backups', serviceKey(service));

/** A backup's file name for a moment: sortable, no colons (`2026-11-23T23-50-58.123Z.tar`). */
export const backupFileName = (at: Date): string => `${at.toISOString().replaceAll(':', '-')}.tar`;

/** A service's backups, oldest first (absolute paths). */
export async function listBackups(state: string, service: string): Promise<string[]> {
	const directory = backupDirectory(state, service);
	const names = await readdir(directory).catch(() => [] as string[]);
	return names
		.filter(name => name.endsWith('.tar'))
		.sort()
		.map(name => join(directory, name));
}

/** Deletes all but the newest `keep` backups; returns the paths removed. */
export async function pruneBackups(state: string, service: string, keep: number): Promise<string[]> {
	const all = await listBackups(state, service);
	const doomed = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
	await Promise.all(doomed.map(async path => rm(path, {force: true})));
	return doomed;
}

/** Creates the directory (and parents) if needed; returns it. */
export async function ensureDirectory(path: string): Promise<string> {
	await mkdir(path, {recursive: true, mode: 0o700});
	return path;
}
