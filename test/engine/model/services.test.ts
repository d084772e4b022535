import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {projectAndService} from '../../../source/engine/model/convert.js';
import {healthRank, summariseServices, worstHealth} from '../../../source/engine/model/services.js';
import {emptyModel, type ContainerModel, type ModelState} from '../../../source/engine/model/types.js';

const container = (id: string, labels: Record<string, string>, state: ContainerModel['state'] = 'running', health: ContainerModel['health'] = 'none'): ContainerModel => ({
	id,
	name: `name-${id}`,
	image: 'busybox',
	state,
	health,
	healthcheck: health !== 'none',
	labels,
	...projectAndService(labels),
	createdAt: 0,
	startedAt: null,
	exitCode: null,
});
const compose = (project: string, service: string) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service});

const state: ModelState = {
	...emptyModel,
	swarmActive: true,
	containers: Object.fromEntries(
		[
			container('w1', compose('shop', 'web'), 'running', 'healthy'),
			container('w2', compose('shop', 'web'), 'running', 'starting'),
			container('d1', compose('shop', 'db'), 'exited'),
			container('j1', {...compose('shop', 'web'), 'com.docker.compose.oneoff': 'True'}, 'exited'),
			container('s1', {}, 'running'),
			container('t1', {'com.docker.swarm.service.id': 'svc', 'com.docker.stack.namespace': 'edge', 'com.docker.swarm.service.name': 'edge_proxy'}, 'running', 'healthy'),
		].map(entry => [entry.id, entry]),
	),
	services: {svc: {id: 'svc', name: 'edge_proxy', image: 'busybox', mode: 'replicated', replicas: 2, labels: {}, stack: 'edge'}},
	tasks: {
		a: {id: 'a', serviceId: 'svc', slot: 1, nodeId: 'n', state: 'running', desiredState: 'running', containerId: 't1', message: ''},
		b: {id: 'b', serviceId: 'svc', slot: 2, nodeId: 'n', state: 'preparing', desiredState: 'running', containerId: null, message: ''},
		old: {id: 'old', serviceId: 'svc', slot: 1, nodeId: 'n', state: 'shutdown', desiredState: 'shutdown', containerId: null, message: ''},
	},
};

describe('summariseServices', () => {
	it('groups compose services, stacks and standalone containers, with replicas, health and figures', () => {
		const figures = new Map([
			['w1', {cpuPercent: 1.5, memoryBytes: 1000}],
			['w2', {cpuPercent: 2.5, memoryBytes: 3000}],
			['t1', {cpuPercent: 10, memoryBytes: 50}],
		]);
		assert.deepEqual(summariseServices(state, figures), [
			{name: 'edge', kind: 'stack', services: [{name: 'proxy', kind: 'swarm', state: 'degraded', health: 'healthy', replicas: {running: 1, total: 2}, cpuPercent: 10, memoryBytes: 50, containers: ['t1']}]},
			{
				name: 'shop',
				kind: 'compose',
				services: [
					{name: 'db', kind: 'compose', state: 'exited', health: 'none', replicas: {running: 0, total: 1}, cpuPercent: null, memoryBytes: null, containers: ['d1']},
					{name: 'web', kind: 'compose', state: 'running', health: 'starting', replicas: {running: 2, total: 2}, cpuPercent: 4, memoryBytes: 4000, containers: ['w1', 'w2']},
				],
			},
			{
				name: null,
				kind: 'standalone',
				services: [
					{name: 'name-j1', kind: 'container', state: 'exited', health: 'none', replicas: {running: 0, total: 1}, cpuPercent: null, memoryBytes: null, containers: ['j1']},
					{name: 'name-s1', kind: 'container', state: 'running', health: 'none', replicas: {running: 1, total: 1}, cpuPercent: null, memoryBytes: null, containers: ['s1']},
				],
			},
		]);
	});

	it('calls a partly running compose service degraded, and ranks health worst-first', () => {
		const partial = {...emptyModel, containers: {a: container('a', compose('p', 's')), b: container('b', compose('p', 's'), 'exited')}};
		assert.equal(summariseServices(partial)[0]!.services[0]!.state, 'degraded');
		assert.equal(worstHealth(['healthy', 'unhealthy', 'starting']), 'unhealthy');
		assert.equal(worstHealth([]), 'none');
	});

	it('rolls health up in one order for status and console: unhealthy, then starting, then healthy, then none', () => {
		assert.deepEqual(Object.entries(healthRank).sort((a, b) => b[1] - a[1]).map(([health]) => health), ['unhealthy', 'starting', 'healthy', 'none']);
		// A container without a check says nothing: it never hides a checked container's verdict.
		assert.equal(worstHealth(['none', 'healthy']), 'healthy');
		assert.equal(worstHealth(['healthy', 'none', 'starting']), 'starting');
		assert.equal(worstHealth(['none', 'none']), 'none');
	});

});
