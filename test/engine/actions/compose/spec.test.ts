import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {configHash, createOptions, dependsOnLabel, parseDependsOnLabel, serviceLabels} from '../../../../source/engine/actions/compose/spec.js';
import {dependentsOf, runningProject} from '../../../../source/engine/actions/compose/running.js';
import type {ComposeProject, ComposeService} from '../../../../source/engine/compose/types.js';
import {formatFailure} from '../../../../source/engine/plan/progress.js';

const service = (name: string, extra: Partial<ComposeService> = {}): ComposeService => ({
	name, image: 'busybox:1', environment: {}, ports: [], volumes: [], networks: [], labels: {}, profiles: [], deploy: {}, dependsOn: {}, ...extra,
});

const project: ComposeProject = {
	name: 'shop', workingDir: '/srv/shop', configFiles: ['/srv/shop/compose.yaml'], networks: {}, volumes: {}, extraLabels: {'deckhand.test': 'r1'},
	services: {
		db: service('db', {healthcheck: {test: ['CMD-SHELL', 'pg_isready'], intervalMs: 500, retries: 3, disable: false}, x: undefined} as never),
		api: service('api', {dependsOn: {db: {condition: 'service_healthy', restart: true, required: true}}, ports: [{target: 80, published: '8080', hostIp: '127.0.0.1', protocol: 'tcp'}]}),
	},
};

describe('container spec', () => {
	it('carries compose labels so docker compose and later actions see the project', () => {
		const labels = serviceLabels(project, project.services.api!);
		assert.equal(labels['com.docker.compose.project'], 'shop');
		assert.equal(labels['com.docker.compose.service'], 'api');
		assert.equal(labels['com.docker.compose.container-number'], '1');
		assert.equal(labels['com.docker.compose.oneoff'], 'False');
		assert.equal(labels['com.docker.compose.depends_on'], 'db:service_healthy:true');
		assert.equal(labels['com.docker.compose.project.working_dir'], '/srv/shop');
		assert.equal(labels['deckhand.test'], 'r1');
	});

	it('hashes configs independently of key order and differently when they change', () => {
		const a = service('x', {environment: {A: '1', B: '2'}});
		const b = service('x', {environment: {B: '2', A: '1'}});
		assert.equal(configHash(a), configHash(b));
		assert.notEqual(configHash(a), configHash(service('x', {environment: {A: '1'}})));
	});

	it('builds create options: name, healthcheck in ns, port bindings, default network', () => {
		const db = createOptions(project, project.services.db!);
		assert.equal(db.name, 'shop-db-1');
		assert.deepEqual(db.Healthcheck, {Test: ['CMD-SHELL', 'pg_isready'], Interval: 500_000_000, Timeout: undefined, StartPeriod: undefined, Retries: 3});
		assert.equal(db.HostConfig!.NetworkMode, 'shop_default');
		const api = createOptions(project, project.services.api!);
		assert.deepEqual(api.HostConfig!.PortBindings, {'80/tcp': [{HostIp: '127.0.0.1', HostPort: '8080'}]});
	});

	it('round-trips the depends_on label, including ones docker compose wrote', () => {
		assert.equal(dependsOnLabel(project.services.api!), 'db:service_healthy:true');
		assert.deepEqual(parseDependsOnLabel('db:service_healthy:false,cache:service_started:true'), [
			{service: 'db', condition: 'service_healthy', restart: false},
			{service: 'cache', condition: 'service_started', restart: true},
		]);
	});

	it('finds transitive dependents from running containers labels', () => {
		const container = (name: string, deps: string) => ({id: name, name, state: 'running', labels: {'com.docker.compose.service': name, 'com.docker.compose.depends_on': deps}});
		const running = runningProject([container('db', ''), container('api', 'db:service_healthy:false'), container('web', 'api:service_started:false'), container('other', '')]);
		assert.deepEqual(dependentsOf(running, ['db']), ['api', 'web']);
		assert.deepEqual(dependentsOf(running, ['web']), []);
	});

	it('formats a failure with step, probe, attempts and last output', () => {
		assert.equal(formatFailure('ready:db', {message: 'db: healthcheck reports unhealthy', probe: 'healthcheck', attempts: 3, lastOutput: 'refused'}), 'step ready:db failed: db: healthcheck reports unhealthy\n  probe: healthcheck, attempts: 3\n  last output: refused');
	});
});
