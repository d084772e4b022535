import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {containerFromInspect, containerFromList, projectAndService, serviceFromList, taskFromList} from '../../../source/engine/model/convert.js';
import {defaultCrashLoopPolicy, isCrashLooping, recordDie} from '../../../source/engine/model/crash-loop.js';
import {applyEvent} from '../../../source/engine/model/reducer.js';
import {emptyModel, type ContainerModel, type DockerEvent, type ModelEvent, type ModelState} from '../../../source/engine/model/types.js';

const event = (action: string, id: string, attributes: Record<string, string> = {}, time = 1000): ModelEvent => ({
	kind: 'docker',
	event: {type: 'container', action, id, attributes, time} satisfies DockerEvent,
});

const apply = (state: ModelState, ...events: ModelEvent[]) => events.reduce(applyEvent, state);

const web: ContainerModel = {
	id: 'c1',
	name: 'shop-web-1',
	image: 'busybox',
	state: 'created',
	health: 'none',
	healthcheck: false,
	labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'},
	project: 'shop',
	service: 'web',
	createdAt: 1000,
	startedAt: null,
	exitCode: null,
	lastExitCode: null,
	finishedAt: null,
	restartCount: 0,
	recentDies: [],
	cpuLimit: null,
};

describe('applyEvent: containers', () => {
	it('builds a container from a create event\'s attributes (labels included)', () => {
		const state = apply(emptyModel, event('create', 'c1', {name: 'shop-web-1', image: 'busybox', 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'}));
		assert.deepEqual(state.containers, {c1: web});
	});

	it('follows the lifecycle: start, pause, unpause, die, start again, destroy', () => {
		const created = apply(emptyModel, {kind: 'container-facts', container: web});
		const running = apply(created, event('start', 'c1', {}, 2000));
		assert.deepEqual(running.containers.c1, {...web, state: 'running', startedAt: 2000});
		assert.equal(apply(running, event('pause', 'c1')).containers.c1!.state, 'paused');
		assert.equal(apply(running, event('pause', 'c1'), event('unpause', 'c1')).containers.c1!.state, 'running');
		const died = apply(running, event('kill', 'c1', {signal: '9'}), event('die', 'c1', {exitCode: '137'}, 2500), event('stop', 'c1'));
		assert.deepEqual([died.containers.c1!.state, died.containers.c1!.exitCode, died.containers.c1!.finishedAt], ['exited', 137, 2500]);
		const again = apply(died, event('start', 'c1', {}, 3000));
		assert.deepEqual([again.containers.c1!.state, again.containers.c1!.exitCode, again.containers.c1!.startedAt], ['running', null, 3000]);
		// The last exit stays known while it runs again (the main pane's `exit 137`).
		assert.equal(again.containers.c1!.lastExitCode, 137);
		assert.deepEqual(apply(again, event('destroy', 'c1')).containers, {});
	});

	it('tracks health from health_status events and resets it to starting on start', () => {
		const running = apply(emptyModel, {kind: 'container-facts', container: {...web, state: 'running', health: 'starting', healthcheck: true}});
		const healthy = apply(running, event('health_status: healthy', 'c1'));
		assert.equal(healthy.containers.c1!.health, 'healthy');
		assert.equal(apply(healthy, event('health_status: unhealthy', 'c1')).containers.c1!.health, 'unhealthy');
		assert.equal(apply(healthy, event('restart', 'c1')).containers.c1!.health, 'starting');
		// A created container whose inspect showed a check starts as `starting`.
		assert.equal(apply(emptyModel, {kind: 'container-facts', container: {...web, healthcheck: true}}, event('start', 'c1')).containers.c1!.health, 'starting');
		// A container without a check stays `none` across restarts.
		assert.equal(apply(emptyModel, event('create', 'c2'), event('start', 'c2')).containers.c2!.health, 'none');
	});

	it('renames, and ignores events that say nothing about state (same object back)', () => {
		const created = apply(emptyModel, {kind: 'container-facts', container: web});
		assert.equal(apply(created, event('rename', 'c1', {name: 'renamed', oldName: '/shop-web-1'})).containers.c1!.name, 'renamed');
		for (const action of ['exec_create: sh -c true', 'exec_start: sh -c true', 'attach', 'resize', 'top', 'kill', 'health_status: healthy']) {
			const state = action.startsWith('health') ? apply(created, event('health_status: healthy', 'c1')) : created;
			assert.equal(applyEvent(state, event(action, 'c1')), state, action);
		}
		assert.equal(applyEvent(created, event('destroy', 'unknown')), created);
		assert.equal(applyEvent(created, event('exec_start: ls', 'unknown')), created);
		assert.equal(applyEvent(created, {kind: 'docker', event: {type: 'network', action: 'connect', id: 'n', attributes: {}, time: 0}}), created);
	});

	it('takes inspect facts over event guesses, and drops a container inspect says is gone', () => {
		const guessed = apply(emptyModel, event('create', 'c1', {name: 'x'}));
		const facts = {...web, name: 'real', health: 'starting' as const, state: 'running' as const};
		assert.deepEqual(apply(guessed, {kind: 'container-facts', container: facts}).containers.c1, facts);
		assert.deepEqual(apply(guessed, {kind: 'container-gone', id: 'c1'}).containers, {});
	});
});

describe('applyEvent: swarm and resync', () => {
	const service = serviceFromList({ID: 's1', Spec: {Name: 'shop_db', Labels: {'com.docker.stack.namespace': 'shop'}, Mode: {Replicated: {Replicas: 2}}, TaskTemplate: {ContainerSpec: {Image: 'busybox@sha256:abc123'}}}});
	const task = (id: string, serviceId: string, state = 'running') => taskFromList({ID: id, ServiceID: serviceId, Slot: 1, NodeID: 'n1', DesiredState: 'running', Status: {State: state, Message: 'started', ContainerStatus: {ContainerID: `c-${id}`}}});

	it('replaces one service\'s tasks and leaves other services alone', () => {
		const base = {...emptyModel, swarmActive: true, tasks: {t9: task('t9', 'other')}};
		const state = apply(base, {kind: 'service-facts', serviceId: 's1', service, tasks: [task('t1', 's1'), task('t2', 's1', 'starting')]});
		assert.deepEqual(Object.keys(state.tasks).sort(), ['t1', 't2', 't9']);
		assert.deepEqual(state.services.s1, {id: 's1', name: 'shop_db', image: 'busybox', mode: 'replicated', replicas: 2, labels: {'com.docker.stack.namespace': 'shop'}, stack: 'shop'});
		const updated = apply(state, {kind: 'service-facts', serviceId: 's1', service, tasks: [task('t3', 's1')]});
		assert.deepEqual(Object.keys(updated.tasks).sort(), ['t3', 't9']);
		const removed = apply(updated, {kind: 'docker', event: {type: 'service', action: 'remove', id: 's1', attributes: {name: 'shop_db'}, time: 0}});
		assert.deepEqual([Object.keys(removed.services), Object.keys(removed.tasks)], [[], ['t9']]);
	});

	it('resync replaces the whole state', () => {
		const fresh: ModelState = {...emptyModel, containers: {c1: web}};
		assert.equal(apply(apply(emptyModel, event('create', 'zz')), {kind: 'resync', state: fresh}), fresh);
	});
});

describe('conversions from API JSON', () => {
	it('reads list entries, including health and exit code from the Status text', () => {
		const listed = containerFromList({Id: 'c1', Names: ['/shop-web-1'], Image: 'busybox', State: 'exited', Status: 'Exited (3) 2 minutes ago', Labels: web.labels, Created: 1});
		const {restartCount: _count, cpuLimit: _limit, ...unknownInListing} = web;
		assert.deepEqual(listed, {...unknownInListing, state: 'exited', exitCode: 3, lastExitCode: 3});
		// Between two runs of a crash loop the listing says `Restarting (1)`: the last exit, not a current one.
		const looping = containerFromList({Id: 'c', Image: 'i', State: 'restarting', Status: 'Restarting (1) 2 seconds ago', Created: 1});
		assert.deepEqual([looping.state, looping.exitCode, looping.lastExitCode], ['restarting', null, 1]);
		const checked = containerFromList({Id: 'c', Image: 'i', State: 'running', Status: 'Up 3 seconds (health: starting)', Created: 1});
		assert.deepEqual([checked.health, checked.healthcheck], ['starting', true]);
	});

	it('reads inspect answers with start time and health', () => {
		const inspected = containerFromInspect({
			Id: 'c1',
			Name: '/shop-web-1',
			Created: '1970-01-01T00:00:01Z',
			Config: {Image: 'busybox', Labels: web.labels, Healthcheck: {Test: ['CMD-SHELL', 'true']}},
			State: {Status: 'running', StartedAt: '1970-01-01T00:00:02.5Z', FinishedAt: '1970-01-01T00:00:02Z', ExitCode: 0, Health: {Status: 'healthy'}},
			RestartCount: 4,
			HostConfig: {NanoCpus: 500_000_000},
		});
		assert.deepEqual(inspected, {...web, state: 'running', health: 'healthy', healthcheck: true, startedAt: 2500, finishedAt: 2000, restartCount: 4, cpuLimit: 0.5});
		const never = containerFromInspect({Id: 'c', Name: '/c', Created: '1970-01-01T00:00:01Z', Config: {Image: 'i', Healthcheck: {Test: ['NONE']}}, State: {Status: 'created', StartedAt: '0001-01-01T00:00:00Z', ExitCode: 0}});
		assert.deepEqual([never.startedAt, never.exitCode, never.health, never.healthcheck], [null, null, 'none', false]);
	});

	it('groups by compose labels, then stack labels with the stack prefix removed', () => {
		assert.deepEqual(projectAndService({'com.docker.stack.namespace': 'shop', 'com.docker.swarm.service.name': 'shop_db'}), {project: 'shop', service: 'db'});
		assert.deepEqual(projectAndService({'com.docker.swarm.service.name': 'lonely'}), {project: null, service: 'lonely'});
		assert.deepEqual(projectAndService({}), {project: null, service: null});
	});
});

describe('crash loops, from events', () => {
	const running = apply(emptyModel, {kind: 'container-facts', container: {...web, state: 'running', startedAt: 0}});
	const minute = 60_000;
	/** Dies at each of `times` (epoch ms), each followed by Docker's restart 100 ms later. */
	const loop = (state: ModelState, times: readonly number[], code = '1') => times.reduce((current, at) => apply(current, event('die', 'c1', {exitCode: code}, at), event('start', 'c1', {}, at + 100)), state);

	it('records die times, the last exit code and when it exited, bounded and windowed', () => {
		const state = loop(running, [1000, 3000, 7000]);
		const container = state.containers.c1!;
		assert.deepEqual([container.state, container.recentDies, container.lastExitCode, container.finishedAt, container.exitCode], ['running', [1000, 3000, 7000], 1, 7000, null]);
		assert.deepEqual(recordDie([1000, 2000], 10 * minute), [10 * minute], 'dies older than the window are dropped');
		assert.equal(recordDie(Array.from({length: 50}, (_, index) => index), 60).length, defaultCrashLoopPolicy.kept);
	});

	it('calls three dies within five minutes a crash loop, and stops once they age out', () => {
		const state = loop(running, [1000, 3000, 7000]);
		assert.equal(isCrashLooping(state.containers.c1!, 8000), true);
		assert.equal(isCrashLooping(loop(running, [1000, 3000]).containers.c1!, 8000), false, 'two dies are not a loop');
		assert.equal(isCrashLooping(state.containers.c1!, 1000 + 5 * minute + 1), false, 'the first die left the window');
		assert.equal(isCrashLooping(loop(running, [0, 2 * minute, 4 * minute, 6 * minute]).containers.c1!, 6 * minute), true);
		assert.equal(isCrashLooping(loop(running, [0, 3 * minute, 6 * minute]).containers.c1!, 6 * minute), false, 'three dies over six minutes are not a loop');
	});

	it('keeps die times and the last exit across an inspect (which zeroes them) and a resync', () => {
		const state = loop(running, [1000, 3000, 7000]);
		const inspected = {...web, state: 'running' as const, startedAt: 7100, lastExitCode: null, finishedAt: 6900, restartCount: 3};
		const merged = apply(state, {kind: 'container-facts', container: inspected}).containers.c1!;
		assert.deepEqual([merged.recentDies, merged.lastExitCode, merged.finishedAt, merged.restartCount], [[1000, 3000, 7000], 1, 7000, 3]);
		const listed = containerFromList({Id: 'c1', Names: ['/shop-web-1'], Image: 'busybox', State: 'running', Status: 'Up 1 second', Labels: web.labels, Created: 1});
		const resynced = apply(apply(state, {kind: 'container-facts', container: inspected}), {kind: 'resync', state: {...emptyModel, containers: {c1: listed}}}).containers.c1!;
		assert.deepEqual([resynced.recentDies, resynced.lastExitCode, resynced.restartCount], [[1000, 3000, 7000], 1, 3]);
	});

	it('seeds the verdict from Docker\'s RestartCount for a loop that began before deckhand watched', () => {
		const seen = {state: 'running' as const, recentDies: [], restartCount: 5, lastExitCode: 1, startedAt: 9000, finishedAt: 8900};
		assert.equal(isCrashLooping(seen, 10_000), true);
		assert.equal(isCrashLooping({...seen, state: 'restarting', startedAt: 0, finishedAt: 0, lastExitCode: null}, 10 * minute), true);
		assert.equal(isCrashLooping({...seen, startedAt: 0, finishedAt: 0}, 10 * minute), false, 'restarts long ago are history');
		assert.equal(isCrashLooping({...seen, restartCount: 2}, 10_000), false);
		assert.equal(isCrashLooping({...seen, lastExitCode: 0}, 10_000), false, 'clean exits are not crashes');
	});
});
