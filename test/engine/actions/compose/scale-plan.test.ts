import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {planReplicas, replicaNumber, serviceReplicas, summariseActions} from '../../../../source/engine/actions/compose/replicas.js';
import {createLimiter} from '../../../../source/engine/limit.js';
import {composeProjectsOf, fixedHostPort, replicaSpec} from '../../../../source/engine/actions/compose/scale.js';
import {configHash, replicaCount} from '../../../../source/engine/actions/compose/spec.js';
import {loadCompose} from '../../../../source/engine/compose/load.js';
import type {ComposeService} from '../../../../source/engine/compose/types.js';
import {UsageError} from '../../../../source/engine/errors.js';

const numbered = (...numbers: number[]) => numbers.map(number => ({number, name: `c${number}`}));
const names = (list: ReadonlyArray<{name: string}>) => list.map(c => c.name);

function load(yaml: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-replicas-'));
	writeFileSync(path.join(dir, 'compose.yaml'), yaml);
	return () => loadCompose({cwd: dir, env: {}, projectName: 'p'});
}

describe('replica planning', () => {
	it('keeps the lowest numbers, creates the lowest free ones, removes from the top', () => {
		assert.deepEqual(planReplicas(numbered(1, 2, 3), 1), {keep: numbered(1), create: [], remove: numbered(3, 2)});
		assert.deepEqual(planReplicas(numbered(1), 3), {keep: numbered(1), create: [2, 3], remove: []});
		assert.deepEqual(planReplicas(numbered(2, 5), 3), {keep: numbered(2, 5), create: [1], remove: []});
		assert.deepEqual(planReplicas(numbered(3, 1, 2), 2), {keep: numbered(1, 2), create: [], remove: numbered(3)});
		assert.deepEqual(planReplicas(numbered(1, 2), 0), {keep: [], create: [], remove: numbered(2, 1)});
		assert.deepEqual(planReplicas([], 2), {keep: [], create: [1, 2], remove: []});
	});

	it('keeps one container per number and removes a duplicate', () => {
		const plan = planReplicas([{number: 1, name: 'a'}, {number: 1, name: 'b'}], 2);
		assert.deepEqual([names(plan.keep), plan.create, names(plan.remove)], [['a'], [2], ['b']]);
	});

	it('reads numbers from labels (missing or malformed counts as 1) and skips one-off containers', () => {
		assert.equal(replicaNumber({'com.docker.compose.container-number': '7'}), 7);
		assert.equal(replicaNumber({}), 1);
		assert.equal(replicaNumber({'com.docker.compose.container-number': '0x2'}), 1);
		const ref = (name: string, labels: Record<string, string>) => ({id: name, name, state: 'running', labels: {'com.docker.compose.service': 'web', ...labels}});
		const found = serviceReplicas([ref('b', {'com.docker.compose.container-number': '2'}), ref('run', {'com.docker.compose.oneoff': 'True'}), ref('a', {'com.docker.compose.container-number': '1'}), {...ref('x', {}), labels: {'com.docker.compose.service': 'db'}}], 'web');
		assert.deepEqual(found.map(c => [c.name, c.number]), [['a', 1], ['b', 2]]);
	});

	it('summarises what happened to a service in one word when it can', () => {
		assert.equal(summariseActions(['unchanged', 'unchanged'], 0), 'unchanged');
		assert.equal(summariseActions(['unchanged', 'created'], 1), '1 unchanged, 1 created, 1 removed');
		assert.equal(summariseActions([], 2), '2 removed');
		assert.equal(summariseActions([], 0), 'no replicas');
	});

	it('bounds concurrent tasks', async () => {
		const limit = createLimiter(2);
		let running = 0;
		let peak = 0;
		const releases: Array<() => void> = [];
		const tasks = Array.from({length: 5}, async () => limit(async () => {
			running++;
			peak = Math.max(peak, running);
			await new Promise<void>(resolve => releases.push(resolve));
			running--;
		}));
		const gates = Array.from({length: 5}, (_, index) => ({resolve: () => releases[index]?.()}));
		for (const gate of gates) {
			await new Promise(resolve => setImmediate(resolve));
			assert.ok(running <= 2, `${running} ran at once`);
			gate.resolve();
		}
		await Promise.all(tasks);
		assert.equal(peak, 2);
	});
});

describe('replica count in the compose file', () => {
	const service = (extra: Partial<ComposeService>): ComposeService => ({name: 'web', environment: {}, ports: [], volumes: [], networks: [], labels: {}, profiles: [], deploy: {}, dependsOn: {}, ...extra});

	it('reads scale:, else deploy.replicas, else 1, and leaves the count out of the config hash', () => {
		assert.equal(replicaCount(service({})), 1);
		assert.equal(replicaCount(service({deploy: {replicas: 0}})), 0);
		assert.equal(replicaCount(service({scale: 3})), 3);
		assert.equal(configHash(service({deploy: {replicas: 4}, scale: 4})), configHash(service({})));
		assert.notEqual(configHash(service({deploy: {limits: {cpus: 1}}})), configHash(service({})));
		assert.equal(load('services:\n  web:\n    image: x\n    scale: 2\n')().project.services.web!.scale, 2);
	});

	it('refuses scale and deploy.replicas that differ, a bad scale, and container_name with replicas', () => {
		const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && error.exitCode === 2 && pattern.test(error.message);
		assert.throws(load('services:\n  web:\n    image: x\n    scale: 2\n    deploy: {replicas: 3}\n'), usage(/compose\.yaml:4: service web: scale \(2\) and deploy\.replicas \(3\) differ/));
		assert.throws(load('services:\n  web:\n    image: x\n    scale: -1\n'), usage(/compose\.yaml:4: scale must be a whole number from 0 to 10000/));
		assert.throws(load('services:\n  web:\n    image: x\n    container_name: one\n    deploy: {replicas: 2}\n'), usage(/compose\.yaml:4: service web: container_name "one" cannot name 2 replicas/));
		assert.doesNotThrow(load('services:\n  web:\n    image: x\n    scale: 2\n    deploy: {replicas: 2}\n'));
		assert.doesNotThrow(load('services:\n  web:\n    image: x\n    container_name: one\n    scale: 1\n'));
	});
});

describe('a replica from its template container', () => {
	const template = {
		Id: 'abcdef0123456789',
		Name: '/shop-web-1',
		State: {Status: 'running', Running: true, ExitCode: 0, StartedAt: ''},
		Config: {
			Image: 'busybox:1', Cmd: ['sleep', '1'], Entrypoint: '/init', Env: ['A=1'], User: '', WorkingDir: '/app', StopSignal: 'SIGINT', StopTimeout: 3,
			Labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.container-number': '1'},
			Healthcheck: {Test: ['CMD', 'true'], Interval: 100_000_000},
			ExposedPorts: {'80/tcp': {}},
		},
		HostConfig: {NetworkMode: 'shop_default', RestartPolicy: {Name: 'always'}, PortBindings: {'80/tcp': [{HostIp: '', HostPort: ''}]}},
		NetworkSettings: {Networks: {shop_default: {Aliases: ['web', 'shop-web-1', 'abcdef012345']}}},
	};

	it('copies config and host config, renames, renumbers, and keeps only the service aliases', () => {
		assert.deepEqual(replicaSpec(template, 'shop', 'web', 3), {
			name: 'shop-web-3',
			Image: 'busybox:1', Cmd: ['sleep', '1'], Entrypoint: ['/init'], Env: ['A=1'], User: undefined, WorkingDir: '/app', StopSignal: 'SIGINT', StopTimeout: 3,
			Labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.container-number': '3'},
			Healthcheck: {Test: ['CMD', 'true'], Interval: 100_000_000},
			ExposedPorts: {'80/tcp': {}},
			HostConfig: template.HostConfig,
			NetworkingConfig: {EndpointsConfig: {shop_default: {Aliases: ['web']}}},
		});
		assert.equal(replicaSpec({...template, HostConfig: {NetworkMode: 'none'}}, 'shop', 'web', 2).NetworkingConfig, undefined);
	});

	it('finds a fixed host port (a range or an ephemeral port is fine)', () => {
		assert.equal(fixedHostPort(template), undefined);
		assert.equal(fixedHostPort({HostConfig: {PortBindings: {'80/tcp': [{HostPort: '8080'}]}}}), '8080');
		assert.equal(fixedHostPort({HostConfig: {PortBindings: {'80/tcp': [{HostPort: '8080-8090'}]}}}), undefined);
	});

	it('lists the compose projects that have a service, without one-offs or Swarm tasks', () => {
		const ref = (project: string, labels: Record<string, string> = {}) => ({id: project, name: project, state: 'running', labels: {'com.docker.compose.project': project, 'com.docker.compose.service': 'web', ...labels}});
		assert.deepEqual(composeProjectsOf([ref('b'), ref('a'), ref('a'), ref('c', {'com.docker.compose.oneoff': 'True'}), ref('d', {'com.docker.swarm.task.id': 't'})], 'web'), ['a', 'b']);
		assert.deepEqual(composeProjectsOf([ref('a')], 'db'), []);
	});
});
