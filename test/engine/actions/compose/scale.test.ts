import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {scaleComposeService, type ScaleEvent} from '../../../../source/engine/actions/compose/scale.js';
import {upProject} from '../../../../source/engine/actions/compose/up.js';
import {dockerPorts} from '../../../../source/docker/ports.js';
import {OperationFailedError, UsageError} from '../../../../source/engine/errors.js';
import {Label} from '../../../../source/engine/labels.js';
import {newRun, removeTestObjects, testDocker} from '../../../helpers/engine.js';
import {healthyAfter, testStack} from './stack.js';

const docker = testDocker();
const ports = dockerPorts(docker);
const run = newRun();
after(async () => removeTestObjects(docker, run));

/** The service's containers: name, number, state and health, lowest number first. */
async function replicasOf(project: string, service: string) {
	const listed = await docker.listContainers({all: true, filters: JSON.stringify({label: [`${Label.composeProject}=${project}`, `${Label.composeService}=${service}`]})});
	const inspected = await Promise.all(listed.map(async c => docker.getContainer(c.Id).inspect()));
	return inspected
		.map(info => ({id: info.Id, name: info.Name.replace(/^\//, ''), number: info.Config.Labels[Label.composeNumber], state: info.State.Status, health: info.State.Health?.Status}))
		.sort((a, b) => Number(a.number) - Number(b.number));
}

describe('compose replicas on the real engine', {concurrency: true}, () => {
	it('up runs deploy.replicas healthy numbered containers; a second up changes nothing; lowering replicas removes the highest', async () => {
		const stack = testStack(run, 'repl', {web: {...healthyAfter(300), deploy: {replicas: 2}}, api: healthyAfter(0, {web: 'service_healthy'})});
		const name = stack.project.name;
		const events: string[] = [];
		const first = await upProject(ports, stack, {timeoutMs: 60_000, onEvent: e => (e.type === 'ready' || e.type === 'starting') && events.push(`${e.type} ${e.step}`)});
		assert.equal(first.ok, true, first.failed?.failure.message);
		assert.deepEqual(first.actions, {web: 'created', api: 'created'});
		const web = await replicasOf(name, 'web');
		assert.deepEqual(web.map(r => [r.name, r.number, r.state, r.health]), [
			[`${name}-web-1`, '1', 'running', 'healthy'],
			[`${name}-web-2`, '2', 'running', 'healthy'],
		]);
		// api is gated on web's ready step, which holds until both replicas are healthy.
		assert.ok(events.indexOf('starting start:api') > events.indexOf('ready ready:web'), events.join(', '));

		const second = await upProject(ports, stack, {timeoutMs: 60_000});
		assert.deepEqual(second.actions, {web: 'unchanged', api: 'unchanged'});
		assert.deepEqual((await replicasOf(name, 'web')).map(r => r.id), web.map(r => r.id), 'no replica was replaced');

		const one = testStack(run, 'repl', {web: {...healthyAfter(300), deploy: {replicas: 1}}, api: healthyAfter(0, {web: 'service_healthy'})});
		const third = await upProject(ports, {...one, project: {...one.project, name}}, {timeoutMs: 60_000});
		assert.deepEqual(third.actions, {web: '1 unchanged, 1 removed', api: 'unchanged'});
		assert.deepEqual((await replicasOf(name, 'web')).map(r => r.id), [web[0]!.id], 'number 1 kept, number 2 removed');

		const none = testStack(run, 'repl', {web: {...healthyAfter(300), deploy: {replicas: 0}}});
		const fourth = await upProject(ports, {...none, project: {...none.project, name}}, {services: ['web'], timeoutMs: 60_000});
		assert.equal(fourth.ok, true);
		assert.deepEqual(await replicasOf(name, 'web'), []);
	});

	it('honours the top-level scale: key', async () => {
		const stack = testStack(run, 'scalekey', {web: {...healthyAfter(0), scale: 2}});
		const result = await upProject(ports, stack, {timeoutMs: 60_000});
		assert.equal(result.ok, true, result.failed?.failure.message);
		assert.deepEqual((await replicasOf(stack.project.name, 'web')).map(r => [r.number, r.health]), [['1', 'healthy'], ['2', 'healthy']]);
	});

	it('scaleComposeService scales up health-gated from the running replica, then down from the top', async () => {
		const stack = testStack(run, 'svcscale', {web: {...healthyAfter(500), environment: {MARK: 'template'}, labels: {'example.role': 'front'}}});
		assert.equal((await upProject(ports, stack, {timeoutMs: 60_000})).ok, true);
		const name = stack.project.name;
		const events: ScaleEvent[] = [];
		const up = await scaleComposeService(ports, {project: name, service: 'web', replicas: 3}, {timeoutMs: 60_000, onEvent: e => events.push(e)});
		// Health-gated: at return every new replica is already healthy (each takes 500 ms to become so).
		const three = await replicasOf(name, 'web');
		assert.deepEqual(three.map(r => [r.name, r.state, r.health]), [1, 2, 3].map(n => [`${name}-web-${n}`, 'running', 'healthy']));
		assert.deepEqual({from: up.from, replicas: up.replicas, created: [...up.created].sort(), removed: up.removed}, {from: 1, replicas: 3, created: [`${name}-web-2`, `${name}-web-3`], removed: []});
		const copy = await docker.getContainer(three[2]!.id).inspect();
		assert.ok(copy.Config.Env.includes('MARK=template'), 'environment copied from the template');
		assert.equal(copy.Config.Labels['example.role'], 'front');
		assert.equal(copy.Config.Labels[Label.composeConfigHash], (await docker.getContainer(three[0]!.id).inspect()).Config.Labels[Label.composeConfigHash]);
		assert.deepEqual(copy.Config.Healthcheck?.Test, ['CMD', 'test', '-f', '/tmp/ok']);
		assert.equal(copy.HostConfig.NetworkMode, 'none');
		for (const replica of [2, 3]) {
			const mine = events.filter(e => e.type !== 'planned' && e.number === replica).map(e => e.type);
			assert.deepEqual(mine, ['creating', 'starting', 'waiting', 'ready'], `events of replica ${replica}`);
		}

		const second = await upProject(ports, {...stack, project: {...stack.project, services: {web: {...stack.project.services.web!, scale: 3}}}}, {timeoutMs: 60_000});
		assert.deepEqual(second.actions, {web: 'unchanged'}, 'scaled replicas match the file: up leaves them alone');

		const down = await scaleComposeService(ports, {project: name, service: 'web', replicas: 1}, {timeoutMs: 60_000});
		assert.deepEqual(down.removed, [`${name}-web-3`, `${name}-web-2`]);
		assert.deepEqual((await replicasOf(name, 'web')).map(r => [r.name, r.number, r.health]), [[`${name}-web-1`, '1', 'healthy']]);

		await scaleComposeService(ports, {project: name, service: 'web', replicas: 0}, {timeoutMs: 60_000});
		assert.deepEqual((await replicasOf(name, 'web')).map(r => [r.number, r.state]), [['1', 'exited']], 'scale 0 keeps number 1, stopped, as the template');
		await scaleComposeService(ports, {project: name, service: 'web', replicas: 2}, {timeoutMs: 60_000});
		assert.deepEqual((await replicasOf(name, 'web')).map(r => [r.number, r.state, r.health]), [['1', 'running', 'healthy'], ['2', 'running', 'healthy']]);
	});

	it('an unknown service is a UsageError; a replica that never gets ready is an OperationFailedError naming it and the probe', async () => {
		await assert.rejects(scaleComposeService(ports, {project: 'dhtest-none', service: 'web', replicas: 2}, {}), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && /no compose service web in project dhtest-none/.test(error.message));
		// Only the first container ever turns healthy: it claims a directory on the shared volume.
		const stack = testStack(run, 'stuck', {
			web: {...healthyAfter(0), volumes: ['shared:/shared'], command: ['sh', '-c', 'mkdir /shared/first 2>/dev/null && touch /tmp/ok; exec sleep 3600']},
		}, {volumes: {shared: {}}});
		assert.equal((await upProject(ports, stack, {timeoutMs: 60_000})).ok, true);
		const name = stack.project.name;
		await assert.rejects(
			scaleComposeService(ports, {project: name, service: 'web', replicas: 2}, {timeoutMs: 1500}),
			(error: unknown) => error instanceof OperationFailedError && error.exitCode === 1 && error.message.includes(`${name}-web-2: healthcheck probe not ready`),
		);
	});
});
