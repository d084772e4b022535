/**
 * The Logs tab as a pager, as an operator uses it: the real `deckhand` in tmux at 100x24
 * against the private engine, on a container that logged 60 lines, ERROR in six of them
 * (lines 3, 13, …, 53). `/ERROR` shows a counter and highlights the matches, k and PgUp
 * scroll while the search is active, n/N move the counter (wrapping around without blank
 * rows), and `&` shows only matching lines.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {startConsoleInTmux} from './console-session.js';

const docker = testDocker();
const run = newRun();
const name = `dhtest-${run.slice(0, 6)}-pager`;
const script = 'i=0; while [ $i -lt 60 ]; do if [ $((i % 10)) -eq 3 ]; then echo "line $i ERROR boom"; else echo "line $i ok"; fi; i=$((i+1)); done; exec sleep 3600';

/** The log lines on screen (main area rows that start with the stdout marker), without the marker. */
const logRows = (screen: string): string[] =>
	screen
		.split('\n')
		.map(line => line.split('│').slice(1).join('│'))
		.filter(main => main.startsWith('│ '))
		.map(main => main.slice(2).trim());

describe('Logs tab as a pager (tmux 100x24, real engine)', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	let tmux: TmuxSession;

	before(async () => {
		await startTestContainer(docker, run, name, {Cmd: ['sh', '-c', script]});
		tmux = await startConsoleInTmux({columns: 100, rows: 24});
		await tmux.waitForScreen(/Services/, {timeoutMs: 20_000, message: 'the console never painted'});
		await tmux.sendKeys('3/');
		await tmux.sendKeys(name, {literal: true});
		await tmux.sendKeys('Enter');
		await tmux.waitForScreen(screen => logRows(screen).includes('line 59 ok'), {timeoutMs: 15_000, message: 'the container\'s logs did not show'});
		await tmux.sendKeys('Enter');
	});

	after(async () => {
		await tmux?.kill();
		await removeTestObjects(docker, run);
	});

	it('/ERROR shows the counter 1/6 on the newest match and highlights every match on screen', async () => {
		await tmux.sendKeys('/');
		await tmux.sendKeys('ERROR', {literal: true});
		await tmux.sendKeys('Enter');
		const screen = await tmux.waitForScreen(text => text.includes('/ERROR 1/6') && logRows(text).includes('line 53 ERROR boom'), {message: 'no counter 1/6 with line 53 on screen'});
		assert.equal(logRows(screen).at(-1), 'line 59 ok', 'the view ends at the last line (no blank rows past the end)');
		const styled = await tmux.captureStyled();
		const shown = styled.split('\n').filter(line => /line \d+ /.test(line) && line.includes('ERROR'));
		assert.ok(shown.length >= 2, `expected at least two matching lines on screen, saw ${shown.length}`);
		for (const line of shown) assert.match(line, /\u001B\[[\d;]*m(?:\u001B\[[\d;]*m)*ERROR/, `ERROR is not highlighted in: ${JSON.stringify(line)}`);
		const plain = styled.split('\n').find(line => line.includes('line 58 ok'));
		assert.ok(plain && !/\u001B\[[\d;]*7[\d;]*m/.test(plain.split('line 58')[1] ?? ''), 'a line without a match carries no highlight');
	});

	it('k and PgUp scroll while the search is active', async () => {
		const before = logRows(await tmux.capture());
		await tmux.sendKeys('k');
		const afterK = logRows(await tmux.waitForScreen(text => logRows(text).at(-1) !== before.at(-1), {message: 'k did not scroll'}));
		assert.equal(afterK.at(-1), 'line 58 ok');
		await tmux.sendKeys('PPage');
		await tmux.waitForScreen(text => !logRows(text).includes('line 58 ok') && text.includes('/ERROR 1/6'), {message: 'PgUp did not scroll a page'});
	});

	it('n moves the counter to the next (older) match; N twice wraps to the oldest without blank rows', async () => {
		await tmux.sendKeys('n');
		await tmux.waitForScreen(text => text.includes('/ERROR 2/6') && logRows(text).includes('line 43 ERROR boom'), {message: 'n did not move to 2/6'});
		await tmux.sendKeys(['N', 'N']);
		const screen = await tmux.waitForScreen(text => text.includes('/ERROR 6/6'), {message: 'N twice did not wrap to 6/6'});
		const rows = logRows(screen);
		assert.equal(rows[0], 'line 0 ok', 'the view starts at the first line');
		assert.ok(rows.includes('line 3 ERROR boom'));
		assert.ok(rows.length >= 15, `the view is full (${rows.length} rows)`);
	});

	it('& shows only the matching lines', async () => {
		await tmux.sendKeys('&');
		const wanted = [3, 13, 23, 33, 43, 53].map(line => `line ${line} ERROR boom`).join('\n');
		await tmux.waitForScreen(text => text.includes('only matches') && logRows(text).join('\n') === wanted, {message: '& did not show only the six matching lines'});
	});
});
