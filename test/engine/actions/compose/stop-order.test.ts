/**
 * `down` and `restart --with-dependents` on the real engine: each level of the reverse
 * dependency graph stops together, and a service stops only after everything that depends
 * on it has. Proved with the daemon's own event times: a container's stop runs from its
 * first `kill` event (the stop signal) to its `die`.
 *
 * The stack: db ← api ← web, and db ← worker. Levels: [web, worker], [api], [db]. Every
 * service runs `sleep` as PID 1, which ignores SIGTERM, so each stop lasts its 1 s grace period.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {dockerPorts} from '../../../../source/docker/ports.js';
import {downProject} from '../../../../source/engine/actions/compose/down.js';
import {restartServices} from '../../../../source/engine/actions/compose/restart.js';
import {stopSettingsOf} from '../../../../source/engine/actions/compose/stop.js';
import {upProject} from '../../../../source/engine/actions/compose/up.js';
import type {DockerEvent} from '../../../../source/engine/model/types.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker} from '../../../helpers/engine.js';
import {removeProject, testStack} from './stack.js';

const docker = testDocker();
const ports = dockerPorts(docker);
const run = newRun();
after(() => removeTestObjects(docker, run));

/** A service that ignores SIGTERM (PID 1 without a handler) with a 1 s grace period. */
const stubborn = (dependsOn: readonly string[] = []) => ({
	image: TEST_IMAGE,
	network_mode: 'none',
	command: ['sleep', '3600'],
	stop_grace_period: '1s',
	depends_on: Object.fromEntries(dependsOn.map(name => [name, {condition: 'service_started'}])),
});

const services = {db: stubborn(), api: stubborn(['db']), worker: stubborn(['db']), web: stubborn(['api'])};

/** Records the daemon's container events until `stop()`; `times(service, action)` reads them. */
async function recordEvents() {
	const controller = new AbortController();
	const events: DockerEvent[] = [];
	let opened!: () => void;
	const open = new Promise<void>(resolve => (opened = resolve));
	const ended = ports.events.follow(event => events.push(event), {signal: controller.signal, types: ['container'], onOpen: opened});
	await open;
	return {
		/** Waits (bounded) until the stream has delivered what `seen` looks for: events trail the API calls. */
		until: async (seen: () => boolean, what: string) => {
			const deadline = Date.now() + 15_000;
			while (!seen()) {
				if (Date.now() > deadline) throw new Error(`the events stream never showed ${what}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
		stop: async () => {
			controller.abort();
			await ended;
		},
		/** Epoch ms of each `action` event of the service's container. */
		times: (service: string, action: string) => events.filter(event => event.attributes['com.docker.compose.service'] === service && event.action === action).map(event => event.time),
	};
}

/** The span of one container's stop: its first kill (the stop signal) to its stop (or die). */
function stopSpan(recorder: Awaited<ReturnType<typeof recordEvents>>, service: string): {start: number; end: number} {
	const start = recorder.times(service, 'kill')[0];
	// Docker logs `stop` once the stop call has finished (after `die`, before the API answers):
	// `die` alone can be logged a few ms after the caller already moved on under load.
	const end = recorder.times(service, 'stop')[0] ?? recorder.times(service, 'die')[0];
	assert.ok(start !== undefined && end !== undefined, `${service}: kill and die events seen`);
	return {start, end};
}

const overlap = (a: {start: number; end: number}, b: {start: number; end: number}) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

describe('stops in dependency order, each level together (real engine)', () => {
	it('down: web and worker stop together, then api, then db; nothing stops before its dependents', async () => {
		const stack = testStack(run, 'stop-down', services);
		try {
			const up = await upProject(ports, stack, {timeoutMs: 60_000});
			assert.equal(up.ok, true, 'the stack came up');
			const recorder = await recordEvents();
			const result = await downProject(ports, stack.project.name, {settings: stopSettingsOf(stack.project)});
			await recorder.until(() => ['db', 'api', 'worker', 'web'].every(service => recorder.times(service, 'die').length > 0), 'a die of every service');
			await recorder.stop();
			assert.deepEqual(result.levels, [['web', 'worker'], ['api'], ['db']]);
			const [web, worker, api, db] = ['web', 'worker', 'api', 'db'].map(name => stopSpan(recorder, name)) as [ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>];
			assert.ok(overlap(web, worker) > 500, `web ${JSON.stringify(web)} and worker ${JSON.stringify(worker)} stop at the same time`);
			assert.ok(web.end <= api.start, 'web (depends on api) died before api was signalled');
			assert.ok(api.end <= db.start && worker.end <= db.start, 'api and worker (depend on db) died before db was signalled');
			assert.deepEqual(await ports.containers.list({labels: [`com.docker.compose.project=${stack.project.name}`]}), [], 'no container left');
		} finally {
			await removeProject(docker, stack.project.name);
		}
	});

	it('restart --with-dependents: stops web and worker together, then api, then db; starts db, then api and worker, then web', async () => {
		const stack = testStack(run, 'stop-restart', services);
		try {
			assert.equal((await upProject(ports, stack, {timeoutMs: 60_000})).ok, true, 'the stack came up');
			const recorder = await recordEvents();
			const result = await restartServices(ports, stack.project.name, ['db'], {withDependents: true, settings: stopSettingsOf(stack.project), timeoutMs: 60_000});
			await recorder.until(() => ['db', 'api', 'worker', 'web'].every(service => recorder.times(service, 'start').length > 0 && recorder.times(service, 'die').length > 0), 'a die and a start of every service');
			await recorder.stop();
			assert.equal(result.ok, true);
			assert.deepEqual(result.dependents, ['api', 'web', 'worker']);
			assert.deepEqual(result.levels, [['web', 'worker'], ['api'], ['db']]);
			const [web, worker, api, db] = ['web', 'worker', 'api', 'db'].map(name => stopSpan(recorder, name)) as [ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>, ReturnType<typeof stopSpan>];
			assert.ok(overlap(web, worker) > 500, `web ${JSON.stringify(web)} and worker ${JSON.stringify(worker)} stop at the same time`);
			assert.ok(web.end <= api.start && api.end <= db.start && worker.end <= db.start, 'dependents stopped before what they depend on');
			const startOf = (service: string) => recorder.times(service, 'start')[0] ?? Number.NaN;
			assert.ok(startOf('db') <= startOf('api') && startOf('db') <= startOf('worker') && startOf('api') <= startOf('web'), `started in dependency order: ${JSON.stringify(Object.fromEntries(['db', 'api', 'worker', 'web'].map(service => [service, recorder.times(service, 'start')])))}`);
			const running = await ports.containers.list({all: false, labels: [`com.docker.compose.project=${stack.project.name}`]});
			assert.equal(running.length, 4, 'all four run again');
		} finally {
			await removeProject(docker, stack.project.name);
		}
	});
});
