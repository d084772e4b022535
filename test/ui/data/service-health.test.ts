import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {projectAndService} from '../../../source/engine/model/convert.js';
import {summariseServices} from '../../../source/engine/model/services.js';
import {emptyModel, type ContainerModel, type ModelState} from '../../../source/engine/model/types.js';
import {containersFromModel} from '../../../source/ui/data/live-source.js';

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


describe('one service health roll-up', () => {
	it('gives the console the same service health as deckhand status for one model', () => {
		const state: ModelState = {
			...emptyModel,
			containers: {
				a: container('a', compose('p', 'mixed'), 'running', 'healthy'),
				b: container('b', compose('p', 'mixed'), 'running', 'none'),
				c: container('c', compose('p', 'sick'), 'running', 'unhealthy'),
				d: container('d', compose('p', 'sick'), 'running', 'none'),
			},
		};
		const status = Object.fromEntries(summariseServices(state)[0]!.services.map(service => [service.name, service.health]));
		const consoleView = Object.fromEntries(containersFromModel(state).services.map(service => [service.name, service.health]));
		assert.deepEqual(status, {mixed: 'healthy', sick: 'unhealthy'});
		assert.deepEqual(consoleView, status);
	});
});
