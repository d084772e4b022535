/**
 * The first look: the container list painted before the console has loaded. Against a fake
 * engine that answers one container listing and then nothing (a daemon that wedges right
 * after), the rows are on screen, problems first, within the console's usual start-up; when
 * the console then gives up (no answer to /_ping: exit 3), the terminal is back on the normal
 * screen with the one-line error and nothing of the first look left. Against the real engine,
 * the console's own first frame replaces the first look without a stale line.
 */
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startFakeEngine, type FakeEngine} from '../helpers/fake-engine.js';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {lineWith, startConsoleInTmux} from './console-session.js';

const skip = hasTmux() ? false : 'tmux is not installed';
const sessions: TmuxSession[] = [];
const engines: FakeEngine[] = [];
const docker = testDocker();
const run = newRun();
after(async () => {
	await Promise.all(sessions.map(async session => session.kill()));
	await Promise.all(engines.map(async engine => engine.close()));
	await removeTestObjects(docker, run);
});

const listed = (name: string, state: string, status: string) => ({Id: `${name}-id`.padEnd(64, '0'), Names: [`/${name}`], Image: 'busybox', State: state, Status: status, Labels: {}, Created: 1_700_000_000});

describe('first look', {skip}, () => {
	it('paints the listing before the console loads, then leaves the screen clean when the engine never answers', async () => {
		const engine = await startFakeEngine('list-only', [
			listed('fl-calm', 'running', 'Up 2 hours'),
			listed('fl-sick', 'running', 'Up 5 minutes (unhealthy)'),
			listed('fl-dead', 'exited', 'Exited (1) 3 minutes ago'),
		]);
		engines.push(engine);
		const tmux = await startConsoleInTmux({columns: 100, rows: 30, env: {DOCKER_HOST: engine.host, DECKHAND_ENGINE_TIMEOUT_MS: '4000', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'dh-first-look-'))}});
		sessions.push(tmux);
		const screen = await tmux.waitForScreen(text => text.includes('fl-calm'), {timeoutMs: 10_000, message: 'the first look never showed the listing'});
		// Problems first, as the console sorts them: unhealthy, exited non-zero, then the rest.
		const order = ['fl-sick', 'fl-dead', 'fl-calm'].map(name => screen.indexOf(name));
		assert.deepEqual([...order].sort((a, b) => a - b), order, `not problems first:\n${screen}`);
		assert.match(screen, /3 Containers \(3\)/);
		assert.equal(await tmux.display('#{alternate_on}'), '1');
		// The console gives up on the silent /_ping: exit 3, one line, on the normal screen.
		const end = await tmux.waitForScreen(/\[exited 3\]/, {timeoutMs: 20_000, message: 'the console did not exit 3'});
		assert.equal(await tmux.display('#{alternate_on}'), '0');
		assert.doesNotMatch(end, /fl-calm|Containers/, `the first look was left on screen:\n${end}`);
		assert.equal(end.split('\n').filter(line => line.startsWith('deckhand: ')).length, 1, end);
	});

	it("is replaced by the console's own frame, with no stale line", async () => {
		const name = `dhtest-${run.slice(0, 4)}fl`;
		await startTestContainer(docker, run, name);
		const tmux = await startConsoleInTmux({columns: 200, rows: 50, env: {XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'dh-first-look-'))}});
		sessions.push(tmux);
		const screen = await tmux.waitForScreen(text => text.includes('● connected') && text.includes('? help'), {timeoutMs: 20_000, message: 'the console never connected'});
		for (const title of ['1 Engine', '2 Services', '3 Containers', '4 Images', '5 Volumes', '6 Networks']) {
			assert.equal(screen.split('\n').filter(line => line.includes(title)).length, 1, `"${title}" twice or missing:\n${screen}`);
		}
		assert.ok(lineWith(screen, name), `${name} is not on screen:\n${screen}`);
		assert.doesNotMatch(screen, /connecting… · v\? · swarm \?/, `the first look's engine line is still there:\n${screen}`);
	});
});
