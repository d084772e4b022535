/**
 * The console watching two real engines at once: the shared private engine and a second
 * private dockerd this file starts (scripts/engine.sh with its own directory, no Swarm).
 * Both engines' containers show under their engine headings; `s` on a row of the second
 * engine stops that container there (checked through its API); with the second dockerd
 * stopped mid-session the Engines panel says so while the first engine's rows still update
 * and keys still answer; started again, its rows come back.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost} from '../helpers/engine.js';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {engineScript} from '../engines/scripts.js';
import {lineWith, startConsoleInTmux} from './console-session.js';

const directory = `/tmp/dh-w14c-${process.pid}`;
const second = engineScript('scripts/engine.sh', {DECKHAND_ENGINE_DIR: directory, DECKHAND_NO_SWARM: '1'});
const secondHost = `unix://${directory}/docker.sock`;
const secondName = `dh-w14c-${process.pid}`;
const first = testDocker();
const secondDocker = new Docker({socketPath: `${directory}/docker.sock`});
const run = newRun();
// A session file of its own: the order key pressed here must not be remembered for other tests' consoles.
const stateHome = mkdtempSync(join(tmpdir(), 'dh-w14c-state-'));
const prefix = `dhtest-${run.slice(0, 4)}`;
const names = {a: `${prefix}-a1`, late: `${prefix}-a2`, b: `${prefix}-b1`, victim: `${prefix}-b2`, again: `${prefix}-b3`};

/** The Engines row of the second engine, if shown. */
const secondRow = (screen: string) => lineWith(screen, secondName) ?? '';

describe('console over two engines', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	let tmux: TmuxSession | undefined;

	before(async () => {
		await second.start();
		await Promise.all([
			startTestContainer(first, run, names.a),
			startTestContainer(secondDocker, run, names.b),
			startTestContainer(secondDocker, run, names.victim),
		]);
		tmux = await startConsoleInTmux({columns: 120, rows: 40, args: ['--host', testHost(), '--host', secondHost], env: {XDG_STATE_HOME: stateHome}});
	});

	after(async () => {
		await tmux?.kill();
		await removeTestObjects(first, run);
		// The second engine may be the one this file stopped: start it to clean up, then stop it.
		await second.start().catch(() => undefined);
		await removeTestObjects(secondDocker, run).catch(() => undefined);
		await second.stop().catch(() => undefined);
		rmSync(directory, {recursive: true, force: true});
		rmSync(stateHome, {recursive: true, force: true});
	});

	it('shows both engines and the containers of each under its heading', async () => {
		await tmux!.waitForScreen(/1 Engines \(2\)/, {timeoutMs: 20_000, message: 'the console never painted two engines'});
		await tmux!.sendKeys('3/');
		await tmux!.sendKeys(prefix, {literal: true});
		await tmux!.sendKeys('Enter');
		const screen = await tmux!.waitForScreen(text => [names.a, names.b, names.victim].every(name => lineWith(text, name)) && secondRow(text).includes('connected'), {timeoutMs: 10_000, message: 'both engines\' containers did not show'});
		const lines = screen.split('\n').map(line => line.split('│')[0]!);
		const at = (text: string) => lines.findIndex(line => line.includes(text));
		const firstHeading = lines.findIndex(line => line.includes('◆ @deckhand-engine'));
		const secondHeading = lines.findIndex((line, index) => index > at('3 Containers') && line.includes(`◆ @${secondName}`));
		assert.ok(firstHeading >= 0 && firstHeading < at(names.a) && at(names.a) < secondHeading && secondHeading < at(names.b), `each container under its engine's heading:\n${screen}`);
	});

	it('s on a row of the second engine stops that container on the second engine', async () => {
		// The victim is the last row of the filtered Containers list.
		await tmux!.sendKeys('G');
		await tmux!.waitForScreen(text => lineWith(text, names.victim)?.includes('▸') === true, {message: 'G did not select the second engine\'s last container'});
		await tmux!.sendKeys('s');
		await tmux!.waitForScreen(new RegExp(`Stop ${names.victim}`), {message: 'stop did not ask for confirmation'});
		await tmux!.sendKeys('y');
		await tmux!.waitForScreen(new RegExp(`stopped ${names.victim}`), {timeoutMs: 20_000, message: 'stop did not finish'});
		assert.equal((await secondDocker.getContainer(names.victim).inspect()).State.Running, false, 'the second engine\'s container is stopped');
		assert.equal((await first.getContainer(names.a).inspect()).State.Running, true, 'the first engine\'s container still runs');
	});

	it('with the second dockerd stopped, says so while the first engine still updates and keys answer', async () => {
		await second.stop();
		await tmux!.waitForScreen(text => /reconnecting|unreachable/.test(secondRow(text)), {timeoutMs: 20_000, message: 'the Engines panel did not notice the second engine go away'});
		await startTestContainer(first, run, names.late);
		await tmux!.waitForScreen(text => lineWith(text, names.late) !== undefined, {timeoutMs: 10_000, message: 'a container started on the first engine did not appear while the second is down'});
		await tmux!.sendKeys('o');
		await tmux!.waitForScreen(/2 Services \(\d+\) ↓name/, {message: 'the order key did not answer while the second engine is down'});
		assert.ok(/reconnecting|unreachable/.test(secondRow(await tmux!.capture())), 'the second engine is still shown as away');
	});

	it('started again, the second engine reconnects and its rows come back', async () => {
		await second.start();
		await tmux!.waitForScreen(text => secondRow(text).includes('connected') && !secondRow(text).includes('reconnecting') && lineWith(text, names.b) !== undefined, {timeoutMs: 30_000, message: 'the second engine did not come back'});
		// Live again, not a stale list: a container started there now appears, under its heading.
		await startTestContainer(secondDocker, run, names.again);
		const screen = await tmux!.waitForScreen(text => lineWith(text, names.again) !== undefined, {timeoutMs: 10_000, message: 'a container started on the second engine after its restart did not appear'});
		const lines = screen.split('\n').map(line => line.split('│')[0]!);
		const block = lines.slice(lines.findIndex(line => line.includes('3 Containers')), lines.findIndex(line => line.includes('4 Images')));
		const heading = block.findIndex(line => line.includes(`◆ @${secondName}`));
		assert.ok(heading >= 0 && block.findIndex(line => line.includes(names.again)) > heading, `the new container is under the second engine:\n${screen}`);
		await tmux!.sendKeys('q');
	});
});
