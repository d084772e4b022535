import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {downProject} from '../../../../source/engine/actions/compose/down.js';
import {restartServices} from '../../../../source/engine/actions/compose/restart.js';
import {upProject} from '../../../../source/engine/actions/compose/up.js';
import {Label} from '../../../../source/engine/labels.js';
import type {StepEvent} from '../../../../source/engine/plan/execute.js';
import {newRun, removeTestObjects, testDocker} from '../../../helpers/engine.js';
import {healthyAfter, job, testStack} from './stack.js';
import {dockerPorts} from '../../../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
after(async () => removeTestObjects(docker, run));

/** Collects events; `span(id)` = [began, ended] of a step in ms since the run began. */
function recorder() {
	const events: StepEvent[] = [];
	const first = (id: string, types: string[]) => events.find(e => e.step === id && types.includes(e.type));
	return {
		events,
		onEvent: (e: StepEvent) => events.push(e),
		span: (id: string): [number, number] => {
			const begin = first(id, ['starting', 'waiting']);
			const end = first(id, ['ready', 'failed']);
			assert.ok(begin && end, `step ${id} did not run to the end: ${events.map(e => `${e.type} ${e.step}`).join(', ')}`);
			return [begin.at, end.at];
		},
	};
}

describe('up on the real engine', {concurrency: true}, () => {
	it('starts a diamond in dependency order with the two middle services overlapping', async () => {
		const stack = testStack(run, 'diamond', {
			top: healthyAfter(500),
			left: healthyAfter(2000, {top: 'service_healthy'}),
			right: healthyAfter(2000, {top: 'service_healthy'}),
			bottom: healthyAfter(0, {left: 'service_healthy', right: 'service_healthy'}),
		});
		const r = recorder();
		const result = await upProject(ports, stack, {onEvent: r.onEvent, timeoutMs: 60_000});
		assert.equal(result.ok, true, result.failed?.failure.message);
		const [, topReady] = r.span('ready:top');
		const [leftStart] = r.span('start:left');
		const [rightStart] = r.span('start:right');
		const [, leftReady] = r.span('ready:left');
		const [, rightReady] = r.span('ready:right');
		const [bottomStart] = r.span('start:bottom');
		assert.ok(leftStart >= topReady && rightStart >= topReady, 'the middle waits for top to be healthy');
		assert.ok(bottomStart >= Math.max(leftReady, rightReady), 'bottom waits for both middles');
		// Real concurrency: each middle was started before the other was ready (measured from the
		// start step, not the wait, so a slow container start on a loaded machine cannot hide it).
		assert.ok(leftStart < rightReady && rightStart < leftReady, `left [${leftStart}, ${leftReady}] and right [${rightStart}, ${rightReady}] overlap`);
		const sequential = Object.values(result.durations).reduce((a, b) => a + b, 0);
		assert.ok(result.elapsedMs < sequential, `took ${result.elapsedMs}ms, no faster than the ${sequential}ms sum of its steps`);

		const containers = await docker.listContainers({filters: JSON.stringify({label: [`${Label.composeProject}=${stack.project.name}`]})});
		const bottom = containers.find(c => c.Labels[Label.composeService] === 'bottom')!;
		assert.equal(bottom.Names[0], `/${stack.project.name}-bottom-1`);
		assert.equal(bottom.Labels[Label.composeDependsOn], 'left:service_healthy:false,right:service_healthy:false');
		assert.equal(bottom.Labels[Label.composeOneoff], 'False');
		assert.match(bottom.Labels[Label.composeConfigHash]!, /^[0-9a-f]{64}$/);
	});

	it('gates a dependent on a one-shot job exiting 0, and a second up changes nothing unless the config changed', async () => {
		const stack = testStack(run, 'job', {migrate: job(500), api: healthyAfter(0, {migrate: 'service_completed_successfully'})});
		const r = recorder();
		const first = await upProject(ports, stack, {onEvent: r.onEvent, timeoutMs: 60_000});
		assert.equal(first.ok, true, first.failed?.failure.message);
		assert.ok(r.span('start:api')[0] >= r.span('complete:migrate')[1], 'api starts only after migrate exited 0');
		const ids = async () => (await docker.listContainers({all: true, filters: JSON.stringify({label: [`${Label.composeProject}=${stack.project.name}`]})})).map(c => c.Id).sort();
		const before = await ids();

		const second = await upProject(ports, stack, {timeoutMs: 60_000});
		assert.deepEqual(second.actions, {migrate: 'completed', api: 'unchanged'});
		assert.deepEqual(await ids(), before, 'no container was replaced');

		const changed = testStack(run, 'job', {migrate: job(500), api: {...healthyAfter(0, {migrate: 'service_completed_successfully'}), environment: {NEW: '1'}}});
		const third = await upProject(ports, {...changed, project: {...changed.project, name: stack.project.name}}, {timeoutMs: 60_000});
		assert.deepEqual(third.actions, {migrate: 'completed', api: 'recreated'});
	});

	it('stops at a failing job: reports step, exit code and output, and starts nothing after it', async () => {
		const stack = testStack(run, 'failjob', {migrate: job(0, 3), api: healthyAfter(0, {migrate: 'service_completed_successfully'})});
		const events: string[] = [];
		const result = await upProject(ports, stack, {timeoutMs: 60_000, onEvent: event => events.push(`${event.type} ${event.step}`)});
		assert.equal(result.ok, false);
		assert.equal(result.failed!.step.id, 'complete:migrate');
		assert.match(result.failed!.failure.message, /exited with code 3/);
		assert.match(result.failed!.failure.lastOutput ?? '', /job-output-3/);
		// Like compose, every container is created up front; the gate keeps api from starting.
		const api = (await docker.listContainers({all: true, filters: JSON.stringify({label: [`com.docker.compose.project=${stack.project.name}`, 'com.docker.compose.service=api']})}))[0];
		assert.equal(api?.State, 'created', 'api was created but never started');
		assert.equal(events.includes('starting start:api'), false, 'no start step ran for api');
	});

	it('restart --with-dependents stops dependents first and the target last, then brings them back in order; down removes dependents first', async () => {
		const stack = testStack(run, 'restart', {db: healthyAfter(0), api: healthyAfter(0, {db: 'service_healthy'}), web: healthyAfter(0, {api: 'service_healthy'}), other: healthyAfter(0)});
		assert.equal((await upProject(ports, stack, {timeoutMs: 60_000})).ok, true);
		const log: string[] = [];
		const restarted = await restartServices(ports, stack.project.name, ['db'], {
			withDependents: true,
			timeoutMs: 60_000,
			onEvent: e => {
				if (e.type === 'stopping') log.push(`stop ${e.service}`);
				else if (e.type === 'starting' || e.type === 'ready') log.push(`${e.type} ${e.step}`);
			},
		});
		assert.equal(restarted.ok, true, restarted.failed?.failure.message);
		assert.deepEqual(log, [
			'stop web', 'stop api', 'stop db',
			'starting start:db', 'ready start:db', 'ready ready:db',
			'starting start:api', 'ready start:api', 'ready ready:api',
			'starting start:web', 'ready start:web', 'ready ready:web',
		]);

		const removed: string[] = [];
		const down = await downProject(ports, stack.project.name, {onEvent: e => e.type === 'removed' && removed.push(e.service)});
		assert.ok(removed.indexOf('web') < removed.indexOf('api') && removed.indexOf('api') < removed.indexOf('db'), `removal order ${removed.join(', ')}`);
		assert.equal(down.services.length, 4);
		const left = await docker.listContainers({all: true, filters: JSON.stringify({label: [`${Label.composeProject}=${stack.project.name}`]})});
		assert.equal(left.length, 0);
	});

	it('creates the declared and default networks with project labels, and down removes them', async () => {
		const stack = testStack(run, 'net', {
			a: {...healthyAfter(0), network_mode: undefined, networks: ['back']},
			b: {...healthyAfter(0), network_mode: undefined},
		}, {networks: {back: {}}});
		const result = await upProject(ports, stack, {timeoutMs: 60_000});
		assert.equal(result.ok, true, result.failed?.failure.message);
		const networks = await docker.listNetworks({filters: JSON.stringify({label: [`${Label.composeProject}=${stack.project.name}`]})});
		assert.deepEqual(networks.map(n => n.Name).sort(), [`${stack.project.name}_back`, `${stack.project.name}_default`]);
		const down = await downProject(ports, stack.project.name);
		assert.deepEqual(down.resources.sort(), [`${stack.project.name}_back`, `${stack.project.name}_default`]);
	});
});
