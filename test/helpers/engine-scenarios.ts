/**
 * Scenarios the second-engine tests (test/engines/podman.test.ts, ssh.test.ts) run alike
 * against their own engine: a live stats figure, restarting a compose service, deploying a
 * tarball. Each asserts; what differs per engine (ports, host, env, names) is passed in.
 */
import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {createEngineStatsHub, type SamplerPorts} from '../../source/engine/stats/engine-hub.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {appFiles, createSupervisedApp} from '../fixtures/deploy/supervised-app.js';
import {waitFor} from '../engines/scripts.js';
import {startTestContainer} from './engine.js';

/** How the CLI reaches the engine under test: its `--host` and the environment it runs with. */
export type CliTarget = {readonly host: string; readonly env: Record<string, string>};

/** Waits until the stats hub on `ports` (sampling every 250 ms) delivers a memory figure above 0 for `containerId`. */
export async function waitForMemoryFigure(ports: SamplerPorts, containerId: string, what: string): Promise<void> {
	const hub = createEngineStatsHub(ports, {intervalMs: 250});
	const controller = new AbortController();
	let memory = 0;
	hub.subscribe([containerId], update => (memory = update.stats.get(containerId)?.memoryBytes ?? 0), {signal: controller.signal});
	try {
		await waitFor(() => memory > 0, what);
	} finally {
		controller.abort();
		hub.close();
	}
}

/** Starts a container labelled as service `web` of compose `project`, runs `deckhand restart web -p project`, and asserts it runs again, started anew. */
export async function assertComposeRestart(docker: Docker, run: string, name: string, project: string, target: CliTarget): Promise<void> {
	const container = await startTestContainer(docker, run, name, {Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'web'}});
	const startedBefore = (await container.inspect()).State.StartedAt;
	const result = await deckhand(['--host', target.host, 'restart', 'web', '-p', project, '--timeout', '30s'], target.env);
	assert.equal(result.exitCode, 0, result.stderr);
	const state = (await container.inspect()).State;
	assert.equal(state.Running, true);
	assert.notEqual(state.StartedAt, startedBefore);
}

/** Creates supervised app `name`, packs version v2 under `scratch`, deploys it with `deckhand deploy` and asserts the app now runs v2. */
export async function assertTarballDeploy(docker: Docker, run: string, name: string, scratch: string, target: CliTarget): Promise<void> {
	const app = await createSupervisedApp(docker, run, name);
	const source = join(scratch, 'v2');
	mkdirSync(source, {recursive: true});
	for (const file of appFiles('v2')) writeFileSync(join(source, file.path), file.content, {mode: file.mode ?? 0o644});
	const tarball = join(scratch, 'v2.tar.gz');
	assert.equal((await deckhand(['pack', source, '-o', tarball])).exitCode, 0);
	const result = await deckhand(['--host', target.host, 'deploy', name, tarball, '--json', '--timeout', '30s'], target.env);
	assert.equal(result.exitCode, 0, result.stderr + result.stdout);
	assert.equal((JSON.parse(result.stdout) as {result: string}).result, 'ok');
	assert.equal((await dockerPorts(docker).exec.run(app.id, ['cat', '/app/VERSION'])).stdout.trim(), 'v2');
}
