import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import status, {formatBytes, formatStatusTable} from '../../source/commands/status.js';
import {readModel} from '../../source/engine/live/model-source.js';
import {UsageError} from '../../source/engine/errors.js';
import {newRun, removeTestObjects, startTestContainer, TEST_IMAGE, testContainerOptions, testDocker, testHost, testLabels, testName} from '../helpers/engine.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
const project = `dhtest-status-${run}`;
const stack = `dhtest-stack-${run}`;
const compose = (service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});
after(() => removeTestObjects(docker, run));

/** Runs the command with captured stdout (not a TTY) and answers [exit code, output]. */
async function runStatus(flags: Record<string, unknown>, input: string[] = []): Promise<[number, string]> {
	const stdout = new PassThrough();
	let output = '';
	stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await status.run({input, flags: {json: false, stats: true, ...flags} as never, global: {host: testHost()}, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
	return [code, output];
}

before(async () => {
	const second = 1_000_000_000;
	// A long timeout: on a loaded machine a slow check must not turn the service unhealthy.
	const healthcheck = {Test: ['CMD-SHELL', 'true'], Interval: second, Timeout: 30 * second, Retries: 3};
	// web: two replicas, healthy; worker: one running, one exited (degraded); migrate: exited.
	await Promise.all([
		startTestContainer(docker, run, testName('st-web1'), {Labels: compose('web'), Healthcheck: healthcheck}),
		startTestContainer(docker, run, testName('st-web2'), {Labels: compose('web'), Healthcheck: healthcheck}),
		startTestContainer(docker, run, testName('st-worker1'), {Labels: compose('worker')}),
		docker.createContainer(testContainerOptions(run, testName('st-worker2'), {Labels: compose('worker')})).then(async container => container.start().then(async () => container.kill())),
		docker.createContainer(testContainerOptions(run, testName('st-migrate'), {Labels: compose('migrate'), Cmd: ['true']})).then(async container => container.start().then(async () => container.wait())),
	]);
	await docker.createService({
		Name: `${stack}_proxy`,
		Labels: testLabels(run, {'com.docker.stack.namespace': stack}),
		TaskTemplate: {ContainerSpec: {Image: TEST_IMAGE, Command: ['sleep', '3600'], Labels: testLabels(run, {'com.docker.stack.namespace': stack})}},
		Mode: {Replicated: {Replicas: 2}},
	} as never);
	// Wait (by condition) until both healthchecks passed and both tasks run.
	const deadline = Date.now() + 90_000;
	for (;;) {
		const state = await readModel(ports);
		const healthy = Object.values(state.containers).filter(container => container.project === project && container.health === 'healthy').length;
		const tasks = Object.values(state.tasks).filter(task => state.services[task.serviceId]?.stack === stack && task.state === 'running').length;
		if (healthy === 2 && tasks === 2) break;
		if (Date.now() > deadline) throw new Error(`setup not ready: ${healthy} healthy web, ${tasks} running tasks`);
		await new Promise(resolve => setTimeout(resolve, 250));
	}
});

describe('deckhand status', () => {
	it('prints the documented JSON shape with grouping, replicas, health, CPU and memory', async () => {
		const [code, output] = await runStatus({project: [project, stack]});
		assert.equal(code, 0);
		const parsed = JSON.parse(output) as {swarmActive: boolean; projects: any[]};
		assert.deepEqual(Object.keys(parsed), ['swarmActive', 'projects']);
		assert.equal(parsed.swarmActive, true);
		assert.deepEqual(parsed.projects.map(entry => [entry.name, entry.kind]), [[project, 'compose'], [stack, 'stack']].sort((a, b) => a[0]!.localeCompare(b[0]!)));
		const services = Object.fromEntries(parsed.projects.flatMap(entry => entry.services.map((service: any) => [`${entry.name}/${service.name}`, service])));
		const web = services[`${project}/web`];
		assert.deepEqual(Object.keys(web), ['name', 'kind', 'state', 'health', 'replicas', 'cpuPercent', 'memoryBytes', 'containers']);
		assert.deepEqual([web.kind, web.state, web.health, web.replicas], ['compose', 'running', 'healthy', {running: 2, total: 2}]);
		assert.equal(typeof web.cpuPercent, 'number');
		assert.ok(web.cpuPercent >= 0 && web.cpuPercent < 200, `cpu ${web.cpuPercent}`);
		assert.ok(web.memoryBytes > 0 && web.memoryBytes < 64 * 1024 * 1024, `memory ${web.memoryBytes}`);
		assert.equal(web.containers.length, 2);
		const worker = services[`${project}/worker`];
		assert.deepEqual([worker.state, worker.health, worker.replicas], ['degraded', 'none', {running: 1, total: 2}]);
		const migrate = services[`${project}/migrate`];
		assert.deepEqual([migrate.state, migrate.replicas, migrate.cpuPercent, migrate.memoryBytes], ['exited', {running: 0, total: 1}, null, null]);
		const proxy = services[`${stack}/proxy`];
		assert.deepEqual([proxy.kind, proxy.state, proxy.replicas], ['swarm', 'running', {running: 2, total: 2}]);
		assert.equal(proxy.containers.length, 2, 'the task containers run on this node');
		assert.equal(typeof proxy.memoryBytes, 'number');
	});

	it('--no-stats leaves figures null; unknown projects give an empty list', async () => {
		const [, output] = await runStatus({project: [project], stats: false});
		const web = JSON.parse(output).projects[0].services.find((service: any) => service.name === 'web');
		assert.deepEqual([web.cpuPercent, web.memoryBytes], [null, null]);
		assert.deepEqual(JSON.parse((await runStatus({project: ['dhtest-none'], stats: false}))[1]).projects, []);
		await assert.rejects(runStatus({}, ['web']), UsageError);
	});

	it('formats an aligned table for terminals', () => {
		const table = formatStatusTable([
			{name: 'shop', kind: 'compose', services: [{name: 'web\u001B[31m', kind: 'compose', state: 'running', health: 'healthy', replicas: {running: 2, total: 2}, cpuPercent: 12.345, memoryBytes: 5 * 1024 * 1024, containers: []}]},
			{name: null, kind: 'standalone', services: [{name: 'tool', kind: 'container', state: 'exited', health: 'none', replicas: {running: 0, total: 1}, cpuPercent: null, memoryBytes: null, containers: []}]},
		]);
		assert.equal(
			table,
			[
				'PROJECT  SERVICE      STATE    HEALTH   REPLICAS    CPU  MEMORY',
				'shop     web\\x1b[31m  running  healthy  2/2       12.3%    5.0M',
				'-        tool         exited   -        0/1           -       -',
			].join('\n'),
		);
		assert.ok(!table.includes('\u001B'), 'escape sequences from names never reach the terminal');
		assert.deepEqual([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 ** 3)], ['512B', '1.5K', '3.0G']);
	});
});
