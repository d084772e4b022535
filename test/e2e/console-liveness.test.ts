/**
 * The console notices a silent engine (issue 12, point 2): against a dockerd of this file's
 * own (scripts/engine.sh with its own directory, no Swarm; never the shared one), SIGSTOPped
 * while the console is connected, the Engine row says "engine not answering since …" within a
 * few seconds (short liveness settings); the console still answers keys meanwhile; after
 * SIGCONT it says connected again; and q quits while the engine is stopped.
 */
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {execa} from 'execa';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testName} from '../helpers/engine.js';
import {engineScript} from '../engines/scripts.js';
import {startConsoleInTmux} from './console-session.js';

const directory = `/tmp/dh-w12l-${process.pid}`;
const engine = engineScript('scripts/engine.sh', {DECKHAND_ENGINE_DIR: directory, DECKHAND_NO_SWARM: '1'});
const docker = new Docker({socketPath: `${directory}/docker.sock`});
const run = newRun();
const sessions: TmuxSession[] = [];
let stoppedPid: number | undefined;

/** SIGSTOP / SIGCONT the test's own dockerd. */
const signalDaemon = (signal: 'SIGSTOP' | 'SIGCONT') => {
	const pid = Number(readFileSync(`${directory}/dockerd.pid`, 'utf8'));
	process.kill(pid, signal);
	stoppedPid = signal === 'SIGSTOP' ? pid : undefined;
};

before(async () => {
	await engine.start();
});
after(async () => {
	// A stopped daemon would never act on the stop below.
	if (stoppedPid !== undefined) process.kill(stoppedPid, 'SIGCONT');
	await Promise.all(sessions.map(async session => session.kill()));
	await removeTestObjects(docker, run).catch(() => undefined);
	await engine.stop();
	// dockerd leaves its data root bind-mounted on itself; without it the directory can go.
	await execa('umount', [`${directory}/data`], {reject: false});
	rmSync(directory, {recursive: true, force: true});
});

const engineRow = (screen: string) => screen.split('\n').find(line => /● connected|◌ /.test(line)) ?? '(no engine state on screen)';

describe('console with a SIGSTOPped engine', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	it('says "engine not answering" within seconds, keeps answering keys, recovers on SIGCONT, and q quits while stopped', async () => {
		const name = testName('live');
		await startTestContainer(docker, run, name);
		const tmux = await startConsoleInTmux({
			columns: 160,
			rows: 40,
			env: {DOCKER_HOST: `unix://${directory}/docker.sock`, DECKHAND_LIVENESS_INTERVAL_MS: '500', DECKHAND_LIVENESS_DEADLINE_MS: '500'},
		});
		sessions.push(tmux);
		await tmux.waitForScreen(screen => screen.includes('● connected') && screen.includes(name), {timeoutMs: 20_000, message: 'the console never showed the container, connected'});

		signalDaemon('SIGSTOP');
		const stoppedAt = Date.now();
		const silent = await tmux.waitForScreen(/◌ engine not answering since \d\d:\d\d:\d\d/, {timeoutMs: 5000, message: 'the console never said the engine is not answering'});
		const noticedMs = Date.now() - stoppedAt;
		assert.doesNotMatch(silent, /● connected/, 'no "connected" while the engine is silent');

		// The console itself is not stuck: the help overlay opens and closes.
		await tmux.sendKeys('?');
		await tmux.waitForScreen(/Keys +— \? or escape closes/, {timeoutMs: 3000, message: 'the console did not answer ? while the engine was stopped'});
		await tmux.sendKeys('?');
		await tmux.waitForScreen(screen => !screen.includes('? or escape closes'), {timeoutMs: 3000, message: 'the help did not close while the engine was stopped'});

		signalDaemon('SIGCONT');
		const continuedAt = Date.now();
		await tmux.waitForScreen(screen => engineRow(screen).includes('● connected') && screen.includes(name), {timeoutMs: 10_000, message: 'the console never said connected again'});
		const recoveredMs = Date.now() - continuedAt;

		signalDaemon('SIGSTOP');
		await tmux.waitForScreen(/◌ engine not answering/, {timeoutMs: 5000, message: 'the second stop was not noticed'});
		const quitAt = Date.now();
		await tmux.sendKeys('q');
		await tmux.waitForScreen(/\[exited \d+\]/, {timeoutMs: 5000, message: 'q did not quit while the engine was stopped'});
		const quitMs = Date.now() - quitAt;
		assert.equal(await tmux.exitCode(), 0);
		signalDaemon('SIGCONT');
		console.log(`# silent engine noticed after ${noticedMs} ms (interval 500 ms, deadline 500 ms); connected again ${recoveredMs} ms after SIGCONT; q quit in ${quitMs} ms while stopped`);
	});
});
