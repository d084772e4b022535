/**
 * The console as a person uses it: the real `deckhand` in tmux at 80x24 and 200x50 against
 * the private engine. Other tests' containers come and go on the same engine, so every
 * assertion looks only at this file's containers (a `/` filter on their name prefix).
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {lineWith, mainLineWith, startConsoleInTmux} from './console-session.js';

const docker = testDocker();
const run = newRun();
const paintTimeoutMs = 20_000;
const screenTimeoutMs = 15_000;

/** Healthy only once /tmp/ok exists, which the command creates 2 s after every (re)start. */
const healthchecked = {
	// Traps TERM so a restart does not wait out the stop timeout.
	Cmd: ['sh', '-c', "trap 'exit 0' TERM; rm -f /tmp/ok; sleep 2; touch /tmp/ok; while :; do sleep 3600 & wait $!; done"],
	// Generous timeout and retries: on a loaded machine a slow check must not turn it unhealthy.
	Healthcheck: {Test: ['CMD', 'test', '-f', '/tmp/ok'], Interval: 500_000_000, Timeout: 5_000_000_000, Retries: 20, StartPeriod: 0},
};

/** A log line full of sequences a terminal would act on. */
const hostileCommand = "printf 'RED\\033[31mX\\033[0m \\033]0;pwned\\007 \\033[2J end\\n'; exec sleep 3600";

async function startedAt(name: string): Promise<string> {
	return (await docker.getContainer(name).inspect()).State.StartedAt;
}

/** Waits (no fixed sleep) until `check` holds, polling every 100 ms. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = screenTimeoutMs): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

after(async () => {
	await removeTestObjects(docker, run);
});

for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
	describe(`console at ${columns}x${rows}`, {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
		// Short names: at 80 columns the list shows about 14 characters of a name.
		const prefix = `dhtest-${run.slice(0, 4)}${columns === 80 ? 's' : 'l'}`;
		const names = {plain: `${prefix}-a`, checked: `${prefix}-b`, victim: `${prefix}-c`, hostile: `${prefix}-h`};
		let tmux: TmuxSession;

		before(async () => {
			await Promise.all([
				startTestContainer(docker, run, names.plain),
				startTestContainer(docker, run, names.checked, healthchecked),
				startTestContainer(docker, run, names.victim),
				startTestContainer(docker, run, names.hostile, {Cmd: ['sh', '-c', hostileCommand]}),
			]);
			tmux = await startConsoleInTmux({columns, rows, countBytes: true});
		});

		after(async () => {
			await tmux?.kill();
		});

		it('paints the console and shows the labelled containers within 2 s of its first frame', async () => {
			await tmux.waitForScreen(/Services/, {timeoutMs: paintTimeoutMs, message: 'the console never painted'});
			// Containers panel, then filter it to this test's containers (others' come and go).
			await tmux.sendKeys('3/');
			await tmux.sendKeys(prefix, {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(screen => Object.values(names).every(name => lineWith(screen, name) !== undefined), {timeoutMs: 2000, message: 'the labelled containers did not appear'});
		});

		it('moves the selection with j and k', async () => {
			await tmux.waitForScreen(screen => lineWith(screen, names.plain)?.includes('▸') === true, {message: 'the first row is not selected'});
			await tmux.sendKeys('j');
			await tmux.waitForScreen(screen => lineWith(screen, names.checked)?.includes('▸') === true && !lineWith(screen, names.plain)?.includes('▸'), {message: 'j did not move down'});
			await tmux.sendKeys('k');
			await tmux.waitForScreen(screen => lineWith(screen, names.plain)?.includes('▸') === true && !lineWith(screen, names.checked)?.includes('▸'), {message: 'k did not move up'});
		});

		it('switches tabs with ] and back with [', async () => {
			await tmux.waitForScreen(/\[Logs\]/);
			await tmux.sendKeys(']');
			await tmux.waitForScreen(/\[Stats\]/, {message: '] did not switch to Stats'});
			await tmux.sendKeys(']');
			await tmux.waitForScreen(/\[Health\]/, {message: '] did not switch to Health'});
			await tmux.sendKeys('[');
			await tmux.sendKeys('[');
			await tmux.waitForScreen(/\[Logs\]/, {message: '[ did not switch back to Logs'});
		});

		it('narrows the list with the / filter', async () => {
			await tmux.sendKeys('/');
			await tmux.sendKeys('-h', {literal: true});
			await tmux.sendKeys('Enter');
			// Rows only: the events line may name any container.
			await tmux.waitForScreen(screen => lineWith(screen, names.hostile) !== undefined && lineWith(screen, names.plain) === undefined && lineWith(screen, names.checked) === undefined, {message: 'the filter did not narrow the list'});
		});

		it('shows a hostile log line escaped, never interpreted', async () => {
			const screen = await tmux.waitForScreen(/RED/, {message: 'the hostile log line never showed'});
			const line = mainLineWith(screen, 'RED') ?? '';
			assert.match(line, /\\x1b\]0;pwned\\x07/, `the OSC title sequence is not shown escaped: "${line}"`);
			assert.match(line, /\\x1b\[2J end/, `the clear-screen sequence is not shown escaped: "${line}"`);
			// Nothing the container wrote reached the terminal as a control sequence.
			await tmux.waitForScreen(() => tmux.bytesWritten() > 0);
			const bytes = readFileSync(tmux.byteFile, 'latin1');
			assert.ok(!bytes.includes('\u001b]0;pwned'), 'the OSC title sequence reached the terminal');
			assert.ok(!bytes.includes('\u001b[31mX'), 'the container\'s colour sequence reached the terminal');
			// Back to all of this test's containers: `/` opens the current filter for editing.
			await tmux.sendKeys(['/', 'BSpace', 'BSpace']);
			await tmux.waitForScreen(screen => screen.includes(`/${prefix}█`), {message: 'the filter was not editable'});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(screen => Object.values(names).every(name => lineWith(screen, name) !== undefined));
		});

		it('shows the key help with ? and closes it again', async () => {
			await tmux.sendKeys('?');
			const help = await tmux.waitForScreen(/Keys/, {message: '? did not show help'});
			assert.ok(help.includes('Move down'), 'help lacks the first command');
			// At 80x24 the rest is below: j scrolls help.
			if (rows >= 50) assert.ok(help.includes('Restart the selected') && help.includes('Quit'), `help lacks restart or quit:\n${help}`);
			else {
				await tmux.sendKeys('jjjjjjjjjjjjjjjjjjjj');
				await tmux.waitForScreen(/Restart the selected/, {message: 'help does not scroll to restart'});
			}
			await tmux.sendKeys('?');
			await tmux.waitForScreen(screen => !screen.includes('Restart the selected') && lineWith(screen, names.plain) !== undefined, {message: 'help did not close'});
		});

		it('restarts the selected container after confirmation; health goes starting → healthy', async () => {
			await tmux.waitForScreen(screen => lineWith(screen, names.checked)?.includes(`● ${names.checked}`) === true, {timeoutMs: 20_000, message: 'the healthchecked container never showed healthy'});
			const before = await startedAt(names.checked);
			await tmux.sendKeys('j');
			await tmux.waitForScreen(screen => lineWith(screen, names.checked)?.includes('▸') === true);
			await tmux.sendKeys('r');
			await tmux.waitForScreen(/y to confirm/, {message: 'r did not ask to confirm'});
			await tmux.sendKeys('y');
			await tmux.waitForScreen(screen => lineWith(screen, names.checked)?.includes(`◐ ${names.checked}`) === true, {timeoutMs: 45_000, message: 'the health glyph never showed starting'});
			await until(async () => (await startedAt(names.checked)) !== before, 'StartedAt changing', 45_000);
			await tmux.waitForScreen(screen => lineWith(screen, names.checked)?.includes(`● ${names.checked}`) === true, {timeoutMs: 45_000, message: 'the health glyph never went back to healthy'});
			await tmux.waitForScreen(/restarted/, {message: 'no result line after the restart'});
		});

		it('shows a container killed from outside as exited', async () => {
			await tmux.waitForScreen(screen => lineWith(screen, names.victim)?.includes(`○ ${names.victim}`) === true);
			await docker.getContainer(names.victim).kill();
			await tmux.waitForScreen(screen => lineWith(screen, names.victim)?.includes(`■ ${names.victim}`) === true, {message: 'the kill did not show'});
		});

		it('opens a shell with e, and comes back intact after exit', async () => {
			await tmux.sendKeys('k');
			await tmux.waitForScreen(screen => lineWith(screen, names.plain)?.includes('▸') === true);
			await tmux.sendKeys('e');
			await tmux.waitForScreen(/deckhand: shell in/, {timeoutMs: 10_000, message: 'e did not open a shell'});
			await tmux.waitForScreen(/^\/ #/m, {timeoutMs: 30_000, message: 'no shell prompt'});
			// The shell computes the answer, so seeing it proves the shell ran, not just echoed typing.
			await tmux.sendKeys('echo hi-from-shell-$((40+2))', {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(/hi-from-shell-42/, {message: 'the shell did not answer'});
			await tmux.sendKeys('exit', {literal: true});
			await tmux.sendKeys('Enter');
			const back = await tmux.waitForScreen(screen => screen.includes('Services') && screen.includes('closed'), {timeoutMs: 15_000, message: 'the console did not come back'});
			for (const name of Object.values(names)) assert.ok(lineWith(back, name) !== undefined, `after the shell the filtered list lacks ${name}:\n${back}`);
			assert.ok(!back.includes('hi-from-shell'), `shell output is left on the console screen:\n${back}`);
			// Keys still work after the shell.
			await tmux.sendKeys(']');
			await tmux.waitForScreen(/\[Stats\]/, {message: 'keys do not work after the shell'});
		});

		it('leaves the terminal clean on q: main screen, cursor shown', async () => {
			await tmux.sendKeys('q');
			await until(async () => (await tmux.exitCode()) !== undefined, 'the console exiting', 5000);
			assert.equal(await tmux.exitCode(), 0, 'the console did not exit 0');
			assert.equal(await tmux.display('#{alternate_on}'), '0', 'the alternate screen is still on');
			assert.equal(await tmux.display('#{cursor_flag}'), '1', 'the cursor is hidden');
		});
	});
}

describe('console --read-only', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	const name = `dhtest-${run.slice(0, 4)}r-a`;
	let tmux: TmuxSession;

	before(async () => {
		await startTestContainer(docker, run, name);
		tmux = await startConsoleInTmux({columns: 200, rows: 50, args: ['--read-only']});
	});

	after(async () => {
		await tmux?.kill();
	});

	it('shows a READ-ONLY badge, refuses r saying why, and help lists no restart', async () => {
		await tmux.waitForScreen(/Services/, {timeoutMs: paintTimeoutMs, message: 'the console never painted'});
		assert.match(await tmux.capture(), /1 Engine READ-ONLY/, 'no READ-ONLY badge');
		await tmux.sendKeys('3/');
		await tmux.sendKeys(name, {literal: true});
		await tmux.sendKeys('Enter');
		await tmux.waitForScreen(screen => lineWith(screen, name)?.includes('▸') === true, {message: 'the container was not selected'});
		const before = await startedAt(name);
		await tmux.sendKeys('r');
		await tmux.waitForScreen(/read-only: restart is disabled \(started with --read-only\)/, {message: 'r did not say why it is refused'});
		await tmux.sendKeys('?');
		// At 200x50 every command in force fits on the help page.
		const help = await tmux.waitForScreen(screen => screen.includes('Keys (read-only') && screen.includes('Quit'), {message: 'help did not show'});
		assert.ok(!help.includes('y to confirm'), 'r asked to confirm a restart in read-only mode');
		for (const text of ['Restart the selected', 'Stop the selected', 'Open a shell']) assert.ok(!help.includes(text), `help lists "${text}" in read-only mode:\n${help}`);
		assert.equal(await startedAt(name), before, 'the container was restarted');
		await tmux.sendKeys('q');
		await until(async () => (await tmux.exitCode()) === 0, 'the console exiting with 0', 5000);
	});
});
