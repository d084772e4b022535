/**
 * `npm run demo` as a person runs it: scripts/demo.sh in tmux brings demo/compose.yaml up
 * (under a unique project name here) and opens the console on it. The project is taken
 * down again with `deckhand down`, and anything left is removed by its project label.
 */
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {hasTmux, startTmux, type TmuxSession} from '../helpers/tmux.js';
import {newRun, testDocker, testHost} from '../helpers/engine.js';
import {deckhandCommand, lineWith, repoRoot} from './console-session.js';

const run = promisify(execFile);
const docker = testDocker();
const project = `dhtest-demo-${newRun().slice(0, 6)}`;
const projectFilter = JSON.stringify({label: [`com.docker.compose.project=${project}`]});

describe('npm run demo', {skip: hasTmux() ? false : 'tmux is not installed'}, () => {
	let tmux: TmuxSession | undefined;

	after(async () => {
		await tmux?.kill();
		const [file, ...args] = deckhandCommand(['down', '-f', 'demo/compose.yaml', '-p', project]);
		await run(file!, args, {cwd: repoRoot, env: {...process.env, DOCKER_HOST: testHost()}}).catch(() => undefined);
		const left = await docker.listContainers({all: true, filters: projectFilter});
		await Promise.all(left.map(async container => docker.getContainer(container.Id).remove({force: true}).catch(() => undefined)));
	});

	it('brings the demo project up (web only after flapper is healthy) and opens the console on it', async () => {
		tmux = await startTmux(['bash', 'scripts/demo.sh'], {columns: 200, rows: 50, cwd: repoRoot, env: {DOCKER_HOST: testHost(), DECKHAND_DEMO_PROJECT: project, ...(deckhandCommand()[1]?.endsWith('dist/cli.js') ? {DECKHAND_DEMO_SKIP_BUILD: '1'} : {})}});
		// scripts/test.sh has built already; up with readiness gates, then the console: generous on a busy machine.
		const screen = await tmux.waitForScreen(text => ['flapper', 'logger', 'burner', 'web'].every(service => lineWith(text, service) !== undefined) && text.includes(project), {
			timeoutMs: 240_000,
			message: 'the console never showed the demo services',
		});
		assert.ok(screen.includes('Services'), 'the console is not on screen');

		const containers = await docker.listContainers({all: true, filters: projectFilter});
		const byService = new Map(containers.map(container => [container.Labels['com.docker.compose.service'], container]));
		assert.deepEqual([...byService.keys()].sort(), ['burner', 'flapper', 'logger', 'web']);
		for (const [service, container] of byService) assert.equal(container.State, 'running', `${service} is ${container.State}`);
		const flapper = await docker.getContainer(byService.get('flapper')!.Id).inspect();
		const web = await docker.getContainer(byService.get('web')!.Id).inspect();
		const burner = await docker.getContainer(byService.get('burner')!.Id).inspect();
		assert.ok(flapper.Config.Healthcheck?.Test?.includes('/tmp/healthy'), 'flapper has no healthcheck');
		assert.equal(burner.HostConfig.NanoCpus, 500_000_000, 'burner is not limited to half a core');
		// service_healthy: web waits for flapper's first check, which Docker runs one interval (2 s) after start.
		const waited = Date.parse(web.State.StartedAt) - Date.parse(flapper.State.StartedAt);
		assert.ok(waited >= 1500, `web started ${waited} ms after flapper, before its first healthcheck`);

		await tmux.sendKeys('q');
		await tmux.waitForScreen(/\[exited 0\]/, {message: 'the console did not quit cleanly'});
	});
});
