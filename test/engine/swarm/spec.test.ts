import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseScaleArgs} from '../../../source/engine/swarm/scale-args.js';
import {swarmServiceSpec} from '../../../source/engine/swarm/spec.js';
import type {ComposeProject, ComposeService} from '../../../source/engine/compose/types.js';

const service = (overrides: Partial<ComposeService> = {}): ComposeService => ({
	name: 'db',
	image: 'postgres:16',
	command: ['postgres', '-c', 'fsync=off'],
	environment: {POSTGRES_PASSWORD: 'x'},
	ports: [],
	volumes: [],
	networks: [],
	dependsOn: {},
	labels: {'deckhand.ready.uptime': '3s'},
	profiles: [],
	deploy: {replicas: 2, limits: {cpus: 0.5, memoryBytes: 256 * 1024 * 1024}},
	healthcheck: {test: ['CMD-SHELL', 'pg_isready'], intervalMs: 1000, retries: 5, disable: false},
	...overrides,
});
const project = (services: ComposeService[]): ComposeProject => ({
	name: 'shop',
	workingDir: '/srv',
	configFiles: ['/srv/compose.yaml'],
	services: Object.fromEntries(services.map(s => [s.name, s])),
	networks: {},
	volumes: {},
	extraLabels: {},
});

describe('swarmServiceSpec', () => {
	it('names and labels like docker stack deploy, with replicas, limits and the healthcheck in ns', () => {
		const spec = swarmServiceSpec(project([service()]), service()) as any;
		assert.equal(spec.Name, 'shop_db');
		assert.equal(spec.Labels['com.docker.stack.namespace'], 'shop');
		assert.equal(spec.Labels['deckhand.ready.uptime'], '3s');
		assert.deepEqual(spec.TaskTemplate.ContainerSpec.Labels, {'deckhand.ready.uptime': '3s', 'com.docker.stack.namespace': 'shop'});
		assert.deepEqual(spec.TaskTemplate.ContainerSpec.Args, ['postgres', '-c', 'fsync=off']);
		assert.equal(spec.TaskTemplate.ContainerSpec.Command, undefined);
		assert.deepEqual(spec.TaskTemplate.ContainerSpec.Env, ['POSTGRES_PASSWORD=x']);
		assert.deepEqual(spec.TaskTemplate.ContainerSpec.Healthcheck, {Test: ['CMD-SHELL', 'pg_isready'], Interval: 1e9, Timeout: undefined, StartPeriod: undefined, Retries: 5});
		assert.deepEqual(spec.TaskTemplate.Resources, {Limits: {NanoCPUs: 5e8, MemoryBytes: 268_435_456}});
		assert.deepEqual(spec.Mode, {Replicated: {Replicas: 2}});
		assert.deepEqual(spec.TaskTemplate.Networks, [{Target: 'shop_default', Aliases: ['db']}]);
	});

	it('network_mode none needs no network, host attaches to host; restart "no" never restarts', () => {
		const none = swarmServiceSpec(project([service()]), service({networkMode: 'none', restart: 'no'})) as any;
		assert.equal(none.TaskTemplate.Networks, undefined);
		assert.deepEqual(none.TaskTemplate.RestartPolicy, {Condition: 'none'});
		const host = swarmServiceSpec(project([service()]), service({networkMode: 'host'})) as any;
		assert.deepEqual(host.TaskTemplate.Networks, [{Target: 'host'}]);
		assert.deepEqual(host.TaskTemplate.RestartPolicy, {Condition: 'any'});
	});
});

describe('parseScaleArgs', () => {
	it('parses SERVICE=N pairs', () => {
		assert.deepEqual(parseScaleArgs(['api=3', 'worker=0']), [{service: 'api', replicas: 3}, {service: 'worker', replicas: 0}]);
	});

	it('rejects bad input with exit code 2', () => {
		for (const [input, message] of [[[], /at least one/], [['api'], /invalid scale argument "api"/], [['api=-1'], /invalid/], [['api=1', 'api=2'], /named twice/]] as const) {
			assert.throws(() => parseScaleArgs(input), (error: Error & {exitCode?: number}) => message.test(error.message) && error.exitCode === 2);
		}
	});
});
