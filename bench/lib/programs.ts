/**
 * The consoles a bench compares, as data: how to start each in tmux and how to reach the
 * Logs view of one container with its keys. deckhand is always measured; lazydocker only
 * when `LAZYDOCKER=path` names a binary (a measuring peer, never a project dependency).
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TmuxSession} from '../../test/helpers/tmux.js';
import {deckhandCommand} from '../../test/e2e/console-session.js';

/** One console under measurement. */
export type Program = {
	readonly name: string;
	readonly command: readonly string[];
	readonly env: Readonly<Record<string, string>>;
	/** Keys that select the container `name` and show its followed logs. */
	openLogs(tmux: TmuxSession, name: string): Promise<void>;
	/** Keys that quit the program (so a profiler it runs under writes its file); none: the session is killed. */
	readonly quitKeys?: readonly string[];
	/** True when the program should quit by its keys at the end (it runs under a profiler). */
	readonly quitAtEnd?: boolean;
	/** A key press whose effect is visible, and the check that the effect is on screen (alternating on/off). */
	readonly probe: {readonly key: (on: boolean) => string; readonly shows: (screen: string, on: boolean) => boolean};
};

/** Log lines in the chatty containers carry no `hh:mm:ss`, so a shown timestamp is the toggle's effect. */
const timestampShown = (screen: string) =>
	screen.split('\n').some(line => line.includes('│') && /\d\d:\d\d:\d\d/.test(line.split('│').slice(1).join('│')));

/** `command` (node and its script) with extra node flags before the script. */
const withNodeFlags = (command: readonly string[], flags = ''): string[] => [command[0]!, ...flags.split(' ').filter(Boolean), ...command.slice(1)];

/** deckhand from the built dist/cli.js (or the sources), with a throwaway config directory. */
export function deckhandProgram(host: string): Program {
	return {
		name: 'deckhand',
		// DECKHAND_NODE_FLAGS="--cpu-prof --cpu-prof-dir=DIR" profiles deckhand (written when it quits).
		command: withNodeFlags(deckhandCommand(), process.env.DECKHAND_NODE_FLAGS),
		env: {
			DOCKER_HOST: host,
			XDG_CONFIG_HOME: '/nonexistent-deckhand-bench-config',
			XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'deckhand-bench-state-')),
		},
		async openLogs(tmux, name) {
			await tmux.sendKeys('3');
			await tmux.sendKeys('/');
			await tmux.sendKeys(name, {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(screen => /\bfollowing\b/.test(screen) && screen.includes(name), {timeoutMs: 20_000, message: `deckhand did not show ${name}'s logs`});
			// Focus the main area: `t` (timestamps) is a key of the Logs tab.
			await tmux.sendKeys('Enter');
		},
		quitKeys: ['q'],
		quitAtEnd: Boolean(process.env.DECKHAND_NODE_FLAGS),
		probe: {key: () => 't', shows: (screen, on) => timestampShown(screen) === on},
	};
}

/**
 * lazydocker at its defaults (config in a fresh directory, so nobody's own config counts):
 * it starts on Containers, `/` filters, the main panel follows the selected container's logs;
 * `x` opens its Menu popup and escape closes it.
 */
export function lazydockerProgram(binary: string, host: string): Program {
	return {
		name: 'lazydocker',
		command: [binary],
		env: {DOCKER_HOST: host, CONFIG_DIR: mkdtempSync(join(tmpdir(), 'lazydocker-bench-config-'))},
		async openLogs(tmux, name) {
			await tmux.sendKeys('/');
			await tmux.sendKeys(name, {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(screen => screen.includes(name) && screen.includes('chatty'), {timeoutMs: 20_000, message: `lazydocker did not show ${name}'s logs`});
		},
		probe: {key: on => (on ? 'x' : 'Escape'), shows: (screen, on) => /─Menu─/.test(screen) === on},
	};
}

/**
 * The programs of this run: deckhand, lazydocker when LAZYDOCKER names its binary, and an
 * earlier build of deckhand when DECKHAND_BASELINE names its cli.js (before/after in one run).
 */
export function programsFromEnv(host: string): Program[] {
	const peer = process.env.LAZYDOCKER;
	const baseline = process.env.DECKHAND_BASELINE;
	const before = baseline ? [{...deckhandProgram(host), name: 'deckhand before', command: withNodeFlags([process.execPath, baseline], process.env.DECKHAND_NODE_FLAGS)}] : [];
	return [deckhandProgram(host), ...before, ...(peer ? [lazydockerProgram(peer, host)] : [])];
}
