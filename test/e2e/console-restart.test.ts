/**
 * `r` on a compose service with a healthcheck, in the real console in tmux against the real
 * engine: the action line shows the phase and elapsed time while it waits, and says
 * "restarted" only once the container is healthy again.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, removeTestObjects, startTestContainer, testDocker} from '../helpers/engine.js';
import {startConsoleInTmux} from './console-session.js';

describe('console r on a compose service with a healthcheck', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	const docker = testDocker();
	const run = newRun();
	const project = `dhtest-r-${run}`;
	let tmux: TmuxSession | undefined;
	let id = '';

	before(async () => {
		const container = await startTestContainer(docker, run, `dhtest-rh-${run}`, {
			// Unhealthy for ~2 s after every start, then healthy.
			Cmd: ['sh', '-c', 'rm -f /tmp/ready; trap "exit 0" TERM; sleep 2; touch /tmp/ready; while true; do sleep 1; done'],
			Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'hsvc'},
			Healthcheck: {Test: ['CMD-SHELL', 'test -f /tmp/ready'], Interval: 300_000_000, Retries: 100},
		});
		id = container.id;
		const deadline = Date.now() + 20_000;
		while ((await container.inspect()).State.Health?.Status !== 'healthy' && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
	});

	after(async () => {
		await tmux?.kill();
		await removeTestObjects(docker, run);
	});

	it('shows "waiting for healthy (Ns)" and reports restarted only once healthy', async () => {
		tmux = await startConsoleInTmux({columns: 200, rows: 50});
		await tmux.waitForScreen(screen => screen.includes('hsvc'), {timeoutMs: 15_000, message: 'the service never appeared'});
		const startedBefore = (await docker.getContainer(id).inspect()).State.StartedAt;
		await tmux.sendKeys(':');
		await tmux.sendKeys(`restart ${project}/hsvc`, {literal: true});
		await tmux.sendKeys('Enter');
		await tmux.waitForScreen(/Restart hsvc\? y to confirm/, {timeoutMs: 5000, message: 'no confirmation'});
		await tmux.sendKeys('y');
		await tmux.waitForScreen(/restarting hsvc: waiting for healthy \(\d+\.\ds\)/, {timeoutMs: 15_000, message: 'no waiting phase with elapsed time'});
		assert.notEqual((await docker.getContainer(id).inspect()).State.Health?.Status, 'healthy');
		await tmux.waitForScreen(/restarted hsvc: healthy after \d+\.\ds/, {timeoutMs: 20_000, message: 'never reported restarted'});
		const state = (await docker.getContainer(id).inspect()).State;
		assert.equal(state.Health?.Status, 'healthy');
		assert.notEqual(state.StartedAt, startedBefore);
	});
});
