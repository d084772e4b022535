/**
 * The console when its terminal goes away (ssh drop, tmux kill-session, a closed pty) or it
 * is told to stop: it ends the way the signal says (129 / 143 in the shell), quietly — no
 * native assertion, no core, no stack on stderr — and the chart view at a terminal too
 * small to draw in says so instead of dying with a RangeError.
 */
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {hasTmux, startTmux, type TmuxSession} from '../helpers/tmux.js';
import {testHost} from '../helpers/engine.js';
import {deckhandCommand, repoRoot} from './console-session.js';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'dh-hangup-'));
const sessions: TmuxSession[] = [];
after(async () => {
	await Promise.all(sessions.map(async session => session.kill()));
	rmSync(directory, {recursive: true, force: true});
});

type Ending = {markerSeen: boolean; exited: boolean; signal: number | null; code: number | null; core: boolean; after: string};

/** Runs the console on a fresh pty until it has painted, then does `action` to it. */
async function consoleOnPty(action: 'hangup' | 'SIGTERM'): Promise<{ending: Ending; stderr: string}> {
	const stderrFile = join(directory, `${action}.err`);
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: testHost(), XDG_CONFIG_HOME: '/nonexistent-deckhand-test-config', TERM: 'xterm-256color'};
	delete env.CI;
	const {stdout} = await run('python3', [join(repoRoot, 'test/helpers/pty-run.py'), 'Containers', '20', stderrFile, action, '--', ...deckhandCommand()], {env, timeout: 60_000});
	return {ending: JSON.parse(stdout) as Ending, stderr: readFileSync(stderrFile, 'utf8')};
}

describe('console whose terminal hangs up', () => {
	it('ends by SIGHUP (129 in the shell), with no core and nothing on stderr', async () => {
		const {ending, stderr} = await consoleOnPty('hangup');
		assert.ok(ending.markerSeen, 'the console never painted on the pty');
		assert.ok(ending.exited, 'the console was still running after its terminal closed');
		assert.equal(ending.core, false, 'the console dumped core');
		assert.equal(ending.signal, 1, `expected death by SIGHUP, got ${JSON.stringify(ending)}; stderr: ${stderr}`);
		assert.equal(stderr, '', 'the console wrote to stderr on hang-up');
	});

	it('on SIGTERM restores the terminal (leaves the alternate screen) and ends by SIGTERM (143)', async () => {
		const {ending, stderr} = await consoleOnPty('SIGTERM');
		assert.ok(ending.markerSeen, 'the console never painted on the pty');
		assert.equal(ending.signal, 15, `expected death by SIGTERM, got ${JSON.stringify(ending)}; stderr: ${stderr}`);
		assert.ok(ending.after.includes('\u001b[?1049l'), 'the alternate screen was not left');
		assert.equal(stderr, '');
	});
});

describe('chart view on a tiny terminal', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	it('at 10x3 says it needs more room; grown to 80x24 it draws; q leaves with 0', async () => {
		const chart = join(repoRoot, 'dist/chart/chart-process.js');
		const tmux = await startTmux([process.execPath, chart, testHost(), '', '1'], {columns: 10, rows: 3, cwd: repoRoot, env: {}});
		sessions.push(tmux);
		await tmux.waitForScreen(screen => screen.includes('charts') && screen.includes('need'), {timeoutMs: 15_000, message: 'no "charts need" notice at 10x3'});
		await tmux.resize(80, 24);
		await tmux.waitForScreen(/CPU % by (service|container)/, {timeoutMs: 15_000, message: 'the charts were not drawn after growing to 80x24'});
		await tmux.resize(10, 3);
		await tmux.waitForScreen(screen => screen.includes('need') && !screen.includes('RangeError'), {timeoutMs: 15_000, message: 'shrinking back did not show the notice'});
		await tmux.sendKeys('q');
		await tmux.waitForScreen(/\[exited 0\]/, {timeoutMs: 5000, message: 'q did not leave the chart view with 0'});
	});
});
