/**
 * Triage at a glance, as an on-call operator sees it: the real console in tmux at 80x24 and
 * 200x50 against the private engine, with 14 labelled containers of which one is unhealthy
 * (healthcheck `false`) and one crash-looping (`exit 1` every 2 s, restart policy always).
 * Without a key press, both are on the first screen, problems first, and the crash loop
 * shows its restart count and exit code. Waits for conditions, never for fixed times.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {lineWith, mainLineWith, startConsoleInTmux} from './console-session.js';

const docker = testDocker();

/** Sleeps until stopped; the trap makes removal quick. */
const idle = {Cmd: ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done"]};
/** Unhealthy within about a second: a check that always fails, every 300 ms, once is enough. */
const unhealthy = {...idle, Healthcheck: {Test: ['CMD', 'false'], Interval: 300_000_000, Timeout: 1_000_000_000, Retries: 1, StartPeriod: 0}};
/** Dies with exit 1 after 2 s; Docker restarts it (100 ms, 200 ms, 400 ms, ... later). */
const crashLooping = {Cmd: ['sh', '-c', 'sleep 2; exit 1'], HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: 'always'}}};

for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
	describe(`triage at ${columns}x${rows}`, {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
		// One run per size, removed when its suite ends, so the other size's problems are not on screen.
		const run = newRun();
		// 13 characters: at 80 columns the list shows 14 of a name.
		const prefix = `dhtest-${run.slice(0, 3)}${columns === 80 ? 't' : 'w'}`;
		const name = (index: number) => `${prefix}${String(index).padStart(2, '0')}`;
		const sick = name(7);
		const looping = name(11);
		let tmux: TmuxSession;
		let started = 0;

		before(async () => {
			started = Date.now();
			await Promise.all(Array.from({length: 14}, (_, index) => startTestContainer(docker, run, name(index + 1), index + 1 === 7 ? unhealthy : index + 1 === 11 ? crashLooping : idle)));
			tmux = await startConsoleInTmux({columns, rows, env: {XDG_STATE_HOME: '/nonexistent-deckhand-test-state'}});
		});

		after(async () => {
			await tmux?.kill();
			await removeTestObjects(docker, run);
		});

		it('shows the unhealthy and the crash-looping container first, with data, without a key press', async () => {
			const screen = await tmux.waitForScreen(
				text => /✗/.test(lineWith(text, sick) ?? '') && /↯/.test(lineWith(text, looping) ?? ''),
				{timeoutMs: 30_000, message: 'the unhealthy (✗) and crash-looping (↯) containers were not both on the first screen'},
			);
			const lines = screen.split('\n');
			const sickRow = lines.findIndex(line => lineWith(line, sick) !== undefined);
			const loopingRow = lines.findIndex(line => lineWith(line, looping) !== undefined);
			const others = lines.flatMap((line, index) => (Array.from({length: 14}, (_, n) => name(n + 1)).some(other => other !== sick && other !== looping && lineWith(line, other) !== undefined) ? [index] : []));
			assert.ok(others.every(index => index > sickRow && index > loopingRow), `a healthy container is listed above a problem:\n${screen}`);
			// The frame stays below the terminal's height (Ink clears the screen otherwise).
			assert.equal(lines.slice(rows - 1).join('').trim(), '', `the frame fills the last line:\n${screen}`);
			if (rows === 24) assert.match(screen, /\+\d+ more/, `the clipped Containers panel does not say how many rows it hides:\n${screen}`);
			assert.match(screen, /NAME +STATUS +RST/, 'no column header');
			console.log(`both problems on screen ${((Date.now() - started) / 1000).toFixed(1)} s after the containers were started`);
		});

		it('shows the crash loop\'s restart count and exit code on its row', async () => {
			// Short form at 80 columns (`x1 up3s`, `x1 2s`), long at 200 (`exit 1, up 3s`, `exited (1) 2s ago`).
			const status = /↯ \S+ +(x1 up\d+s|x1 \d+s|exit 1, up \d+s|(exited|restarting) \(1\) \d+s ago) +[1-9]\d* /;
			await tmux.waitForScreen(text => status.test(lineWith(text, looping) ?? ''), {timeoutMs: 20_000, message: 'the crash-looping row lacks exit code 1 and a restart count'});
		});

		it('shows CPU figures once sampled, and the selected problem\'s status line in the main pane', async () => {
			await tmux.waitForScreen(text => /\d+\.\d%/.test(lineWith(text, sick) ?? ''), {timeoutMs: 20_000, message: 'no CPU figure on the unhealthy row'});
			// Selected by name (other tests' containers may share the engine): its status line in the main pane.
			await tmux.sendKeys(':');
			await tmux.sendKeys(`logs ${looping}`, {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(text => lineWith(text, looping)?.includes('▸') === true && /crash loop · restarts [1-9]\d* · exit 1/.test(mainLineWith(text, 'restarts') ?? ''), {timeoutMs: 15_000, message: 'the crash loop\'s status line lacks restarts and exit 1'});
		});

		it('quits cleanly', async () => {
			await tmux.sendKeys('q');
			await tmux.waitForScreen(/\[exited 0\]/, {timeoutMs: 5000});
		});
	});
}
