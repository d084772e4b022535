import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createConnection} from '../../../source/docker/client.js';
import {consoleEngine} from '../../../source/ui/data/console-engine.js';
import {createLiveSource} from '../../../source/ui/data/live-source.js';
import type {ConsoleSource, LogLine} from '../../../source/ui/view/types.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../../helpers/engine.js';

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
async function eventually<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}

describe('live console source on the private engine', () => {
	const docker = testDocker();
	const run = newRun();
	const project = `dhtest-ui-${run}`;
	let source: ConsoleSource;
	let apiId = '';

	before(async () => {
		const api = await startTestContainer(docker, run, testName('ui-api'), {
			Cmd: ['sh', '-c', 'trap "exit 0" TERM; echo hello-live; echo oops >&2; while true; do sleep 1; done'],
			Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'api'},
		});
		apiId = api.id;
		source = createLiveSource(consoleEngine(createConnection({host: testHost()})), {statsIntervalMs: 200});
	});

	after(async () => {
		source?.close();
		await removeTestObjects(docker, run);
	});

	it('shows the labelled containers as a service of their project, connected', async () => {
		const service = await eventually(() => source.snapshot().services.find(entry => entry.project === project), 'the service');
		assert.equal(service.name, 'api');
		assert.deepEqual(service.containerIds, [apiId]);
		await eventually(() => source.snapshot().connection.state === 'connected', 'connected');
		assert.match(source.snapshot().engine.version ?? '', /^\d+\./);
	});

	it('follows logs with stdout and stderr told apart', async () => {
		const lines: LogLine[] = [];
		const controller = new AbortController();
		source.followLogs!(apiId, batch => lines.push(...batch), controller.signal);
		await eventually(() => lines.some(line => line.text === 'oops' && line.stream === 'stderr') && lines.some(line => line.text === 'hello-live' && line.stream === 'stdout'), 'both lines');
		controller.abort();
	});

	it('samples stats only for watched containers', async () => {
		source.watchStats!([apiId]);
		const history = await eventually(() => (source.statsHistory!(apiId).length >= 2 ? source.statsHistory!(apiId) : undefined), 'two samples');
		assert.ok(history.at(-1)!.memoryBytes > 0);
	});

	it('R: restarting a service with dependents restarts the dependent too (helper C\'s restartServices)', async () => {
		const web = await startTestContainer(docker, run, testName('ui-web'), {
			Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
			Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'web', 'com.docker.compose.depends_on': 'api:service_started:false'},
		});
		const startedAt = async (id: string) => (await docker.getContainer(id).inspect()).State.StartedAt;
		const [apiBefore, webBefore] = [await startedAt(apiId), await startedAt(web.id)];
		const events: string[] = [];
		await source.actions.operate!('restart-with-dependents', {project, services: ['api']}, event => void events.push(`${event.kind} ${event.phase}`));
		assert.ok(events.some(event => event.startsWith('phase stopping api, web')), events.join('\n'));
		assert.notEqual(await startedAt(apiId), apiBefore);
		assert.notEqual(await startedAt(web.id), webBefore);
		await web.remove({force: true});
	});

	it('u: bringing up a project whose containers name no compose files says so', async () => {
		await assert.rejects(source.actions.operate!('up', {project}, () => undefined), /do not name the compose files/);
	});

	it('restarts through the engine action and a kill from outside shows as exited', async () => {
		const before = (await docker.getContainer(apiId).inspect()).State.StartedAt;
		await source.actions.operate!('restart', {containers: [apiId]}, () => undefined);
		assert.notEqual((await docker.getContainer(apiId).inspect()).State.StartedAt, before);
		await docker.getContainer(apiId).kill();
		const started = Date.now();
		await eventually(() => source.snapshot().containers.find(container => container.id === apiId)?.state === 'exited', 'exited state');
		assert.ok(Date.now() - started < 2000);
	});

	it('read-only: the engine\'s runner refuses what the key map removed, with the same decision, and nothing changes', async () => {
		const readOnly = createLiveSource(consoleEngine(createConnection({host: testHost()})), {readOnly: true});
		try {
			const before = (await docker.getContainer(apiId).inspect()).State;
			await assert.rejects(readOnly.actions.operate!('start', {containers: [apiId]}, () => undefined), {name: 'ReadOnlyError', message: 'read-only: start changes the engine (started with --read-only)'});
			assert.deepEqual((await docker.getContainer(apiId).inspect()).State, before);
		} finally {
			readOnly.close();
		}
	});

	it('quitting (the app signal) cancels a running operation and names it', async () => {
		const app = new AbortController();
		const waiting = await startTestContainer(docker, run, testName('ui-slow'), {
			Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
			Healthcheck: {Test: ['CMD-SHELL', 'test -f /tmp/never'], Interval: 1_000_000_000, Retries: 100},
		});
		const cancelling = createLiveSource(consoleEngine(createConnection({host: testHost()})), {signal: app.signal});
		try {
			const phases: string[] = [];
			const running = cancelling.actions.operate!('restart', {containers: [waiting.id]}, event => void phases.push(event.phase));
			await eventually(() => phases.includes('waiting for healthy'), 'waiting for healthy');
			assert.deepEqual(cancelling.cancelOperations!().length, 1);
			await assert.rejects(running, {name: 'OperationCancelledError', message: /^restart of .* cancelled after .*; left: .* waiting for healthy$/});
			const again = cancelling.actions.operate!('restart', {containers: [waiting.id]}, () => undefined);
			app.abort();
			await assert.rejects(again, {name: 'OperationCancelledError'});
		} finally {
			cancelling.close();
		}
	});
});
