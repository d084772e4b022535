/**
 * Memory of the session: theme, focused panel and list order, kept in a small JSON file under
 * `$XDG_STATE_HOME/deckhand/` (default `~/.local/state/deckhand/`) and restored at start.
 * Parsing is pure and forgiving (a bad file is ignored, never a crash); the store writes on
 * change, debounced, through injected file functions.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {sortIds, type SortId} from '../view/problems.js';
import {panelIds, type PanelId} from '../view/rows.js';
import type {ConsoleState} from './console-state.js';

/** What is remembered between two runs of the console. */
export type ConsoleSession = {readonly theme?: string; readonly panel?: PanelId; readonly sort?: SortId};

/** The remembered part of a state (the theme only once the user picked one). */
export const sessionOf = (state: ConsoleState): ConsoleSession => ({...(state.themePicked ? {theme: state.themeName} : {}), panel: state.panel, sort: state.sort});

/** The session file: `$XDG_STATE_HOME/deckhand/session.json`, else `~/.local/state/deckhand/session.json`. */
export function sessionFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(home, '.local', 'state');
	return join(base, 'deckhand', 'session.json');
}

/** The valid fields of a session file's text; anything malformed is left out (an empty session at worst). */
export function parseSession(text: string | undefined): ConsoleSession {
	if (!text) return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
	const record = value as Record<string, unknown>;
	return {
		...(typeof record.theme === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(record.theme) ? {theme: record.theme} : {}),
		...(typeof record.panel === 'string' && (panelIds as readonly string[]).includes(record.panel) ? {panel: record.panel as PanelId} : {}),
		...(typeof record.sort === 'string' && (sortIds as readonly string[]).includes(record.sort) ? {sort: record.sort as SortId} : {}),
	};
}

/** A state with a remembered panel and order applied (focus still moves off an empty panel). */
export function restoreSession(state: ConsoleState, session: ConsoleSession): ConsoleState {
	return {...state, ...(session.panel ? {panel: session.panel} : {}), ...(session.sort ? {sort: session.sort} : {})};
}

/** File access, injected for tests. */
export type SessionFiles = {
	readonly read: (path: string) => string | undefined;
	readonly write: (path: string, text: string) => void;
};

/** The real file system: a missing file reads as nothing; writes go through a temporary file and a rename. */
export const realSessionFiles: SessionFiles = {
	read(path) {
		try {
			return readFileSync(path, 'utf8');
		} catch {
			return undefined;
		}
	},
	write(path, text) {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		const temporary = `${path}.${process.pid}.tmp`;
		writeFileSync(temporary, text, {mode: 0o600});
		renameSync(temporary, path);
	},
};

/** A session store: `load` once at start, `save` on every change (written after `delayMs` of quiet), `flush` at exit. */
export function createSessionStore(options: {readonly file: string; readonly files?: SessionFiles; readonly delayMs?: number}) {
	const files = options.files ?? realSessionFiles;
	let pending: string | undefined;
	let written: string | undefined;
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (pending === undefined || pending === written) return;
		try {
			files.write(options.file, pending);
			written = pending;
		} catch {
			// Remembering is a convenience: a read-only home must not break the console.
		}
	};
	return {
		load(): ConsoleSession {
			const text = files.read(options.file);
			written = text;
			return parseSession(text);
		},
		save(session: ConsoleSession) {
			pending = `${JSON.stringify(session)}\n`;
			if (timer) clearTimeout(timer);
			timer = setTimeout(flush, options.delayMs ?? 500);
			timer.unref?.();
		},
		flush,
	};
}
