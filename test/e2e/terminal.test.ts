/**
 * The console on the terminals people have: resized while it runs (no stale fragments of the
 * old frame, the frame still one line shorter than the terminal), and under the TERM values
 * of screen, tmux, xterm and dumb terminals (dumb: monochrome, no colour sequence written).
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {lineWith, startConsoleInTmux} from './console-session.js';

const docker = testDocker();
const run = newRun();
const skip = hasTmux() ? false : 'tmux is not installed';
const name = `dhtest-${run.slice(0, 4)}t-a`;

before(async () => {
	await startTestContainer(docker, run, name);
});

const sessions: TmuxSession[] = [];
after(async () => {
	await Promise.all(sessions.map(async session => session.kill()));
	await removeTestObjects(docker, run);
});

/** Starts the console in tmux (killed after the file) and shows the Containers panel filtered to this file's container. */
async function consoleOnOwnContainer(options: Parameters<typeof startConsoleInTmux>[0]): Promise<TmuxSession> {
	const tmux = await startConsoleInTmux(options);
	sessions.push(tmux);
	await tmux.waitForScreen(/Services/, {timeoutMs: 20_000, message: 'the console never painted'});
	await tmux.sendKeys('3/');
	await tmux.sendKeys(name, {literal: true});
	await tmux.sendKeys('Enter');
	await tmux.waitForScreen(screen => screen.includes('● connected') && lineWith(screen, name) !== undefined, {timeoutMs: 15_000, message: 'the container never showed'});
	return tmux;
}

/** Quits with q and waits for exit status 0. */
async function quit(tmux: TmuxSession): Promise<void> {
	await tmux.sendKeys('q');
	await tmux.waitForScreen(/\[exited 0\]/, {timeoutMs: 5000, message: 'q did not quit with 0'});
}

/**
 * What a whole, clean frame at `rows` looks like: each panel title once, the key hints once,
 * the divider in one column on every pane line, the container row, and the last terminal
 * line empty (the frame is one line shorter than the terminal).
 */
function cleanFrame(screen: string, rows: number): string | undefined {
	const lines = screen.split('\n').slice(0, rows);
	for (const title of ['1 Engine', '2 Services', '3 Containers', '4 Images', '5 Volumes', '6 Networks', '? help']) {
		const count = lines.filter(line => line.includes(title)).length;
		if (count !== 1) return `"${title}" is on ${count} lines`;
	}
	const dividers = new Set(lines.filter(line => line.includes('│')).map(line => [...line.split('│')[0]!].length));
	if (dividers.size !== 1) return `the divider stands in columns ${[...dividers].join(', ')}`;
	if (lineWith(screen, name) === undefined) return 'the container row is missing';
	if ((lines[rows - 1] ?? '').trim() !== '') return `the last line is not empty: "${lines[rows - 1]}"`;
	return undefined;
}

describe('console resized while it runs', {skip}, () => {
	it('redraws a clean frame at 200x50 → 80x24 → 200x50', async () => {
		const tmux = await consoleOnOwnContainer({columns: 200, rows: 50});
		for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
			await tmux.resize(columns, rows);
			let problem: string | undefined;
			await tmux.waitForScreen(screen => (problem = cleanFrame(screen, rows)) === undefined, {message: `no clean frame at ${columns}x${rows}`}).catch((error: Error) => {
				throw new Error(`${problem}; ${error.message}`);
			});
		}
	});
});

for (const term of ['screen', 'tmux-256color', 'xterm-256color', 'dumb']) {
	describe(`console with TERM=${term}`, {skip}, () => {
		it(term === 'dumb' ? 'works, in monochrome: not one colour sequence written' : 'works, in colour', async () => {
			const tmux = await consoleOnOwnContainer({columns: 100, rows: 30, countBytes: true, env: {TERM: term}});
			const bytes = readFileSync(tmux.byteFile, 'latin1');
			const colours = bytes.match(/\u001b\[[\d;]*m/g) ?? [];
			if (term === 'dumb') assert.deepEqual(colours, [], 'a dumb terminal was sent colour or style sequences');
			else assert.ok(colours.length > 0, `TERM=${term} got no colour at all`);
			await quit(tmux);
		});
	});
}

describe('console chart view', {skip}, () => {
	it('g opens the blessed-contrib charts full screen; q returns to an intact console', async () => {
		const tmux = await consoleOnOwnContainer({columns: 120, rows: 40});
		await tmux.sendKeys('g');
		await tmux.waitForScreen(screen => /CPU % by (service|container)/.test(screen) && /Memory MiB by (service|container)/.test(screen) && !screen.includes('1 Engine'), {timeoutMs: 15_000, message: 'g did not open the charts'});
		await tmux.sendKeys('q');
		await tmux.waitForScreen(screen => cleanFrame(screen, 40) === undefined, {timeoutMs: 15_000, message: 'the console did not come back whole from the charts'});
		// Keys reach the console again (stdin was handed back).
		await tmux.sendKeys(']');
		await tmux.waitForScreen(/\[Stats\]/, {message: 'keys do not work after the charts'});
		await quit(tmux);
	});
});
