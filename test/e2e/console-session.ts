/**
 * Starts the real console in tmux against the private engine, as a person would run it:
 * the built `dist/cli.js` (scripts/test.sh builds first), or the sources through tsx when
 * there is no build.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {testHost} from '../helpers/engine.js';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The argv that runs deckhand with `args`. */
export function deckhandCommand(args: readonly string[] = []): string[] {
	const built = `${repoRoot}dist/cli.js`;
	return existsSync(built) ? [process.execPath, built, ...args] : [process.execPath, '--import', 'tsx', `${repoRoot}cli.tsx`, ...args];
}

/** Runs the console at `columns`x`rows` on the private engine. */
export async function startConsoleInTmux(options: {columns: number; rows: number; args?: readonly string[]; countBytes?: boolean; env?: Record<string, string>}): Promise<TmuxSession> {
	return startTmux(deckhandCommand(options.args), {
		columns: options.columns,
		rows: options.rows,
		cwd: repoRoot,
		countBytes: options.countBytes,
		// Throwaway config and session directories: a person's own config, or the order and
		// panel an earlier run remembered, never change what the test sees.
		env: {DOCKER_HOST: testHost(), XDG_CONFIG_HOME: '/nonexistent-deckhand-test-config', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'deckhand-test-state-')), ...options.env},
	});
}

/** The left-column list row (the text before the divider; panel titles skipped) that shows `text`, if any. */
export const lineWith = (screen: string, text: string): string | undefined =>
	screen
		.split('\n')
		.flatMap(line => (line.includes('│') ? [line.split('│')[0]!] : []))
		.find(left => left.includes(text) && !/[━─]/.test(left));

/** The main-area text (after the divider) of the first row that shows `text`, if any. */
export const mainLineWith = (screen: string, text: string): string | undefined =>
	screen.split('\n').flatMap(line => (line.includes('│') ? [line.split('│').slice(1).join('│')] : [])).find(main => main.includes(text));
