import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {containerFromList} from '../../../source/engine/model/convert.js';
import {applyEvent} from '../../../source/engine/model/reducer.js';
import {emptyModel, type ModelState} from '../../../source/engine/model/types.js';
import {containersFromModel, eventLine} from '../../../source/ui/data/live-source.js';

describe('container events as the console shows them (engine model)', () => {
	const listed = (status: string, labels: Record<string, string> = {}) =>
		containerFromList({Id: 'a', Names: ['/api'], Image: 'i', State: 'running', Status: status, Labels: labels, Created: 0} as never);
	const start: ModelState = {...emptyModel, containers: {a: listed('Up 1 second (healthy)')}};
	const event = (action: string) => ({kind: 'docker' as const, event: {type: 'container', action, id: 'a', attributes: {name: 'api'}, time: 0}});
	const shown = (state: ModelState) => containersFromModel(state).containers[0]!;

	it('a die event marks the container exited at once', () => {
		assert.equal(shown(applyEvent(start, event('die'))).state, 'exited');
	});

	it('a health_status event sets the health', () => {
		assert.equal(shown(applyEvent(start, event('health_status: unhealthy'))).health, 'unhealthy');
	});

	it('a restart of a healthchecked container shows starting until the next health_status event', () => {
		const restarted = applyEvent(applyEvent(start, event('die')), event('start'));
		assert.deepEqual({state: shown(restarted).state, health: shown(restarted).health}, {state: 'running', health: 'starting'});
		assert.equal(shown(applyEvent(restarted, event('health_status: healthy'))).health, 'healthy');
	});

	it('a restart of a container without a healthcheck keeps no health', () => {
		const plain: ModelState = {...emptyModel, containers: {a: listed('Up 1 second')}};
		assert.equal(shown(applyEvent(plain, event('start'))).health, 'none');
	});

	it('labelled containers group into their compose service', () => {
		const labelled: ModelState = {...emptyModel, containers: {a: listed('Up 1 second', {'com.docker.compose.project': 'p', 'com.docker.compose.service': 'api'})}};
		const {services} = containersFromModel(labelled);
		assert.deepEqual(services.map(service => [service.project, service.name, service.running]), [['p', 'api', 1]]);
	});

	it('deckhand\'s own calls (healthcheck execs, the Top tab\'s top) stay off the events line and pane', () => {
		assert.equal(eventLine(event('exec_create: sh').event), undefined);
		assert.equal(eventLine(event('top').event), undefined);
		assert.match(eventLine(event('die').event) ?? '', /container die api$/);
	});

	it('shows CPU from the second sample on (the first has nothing to measure against), memory at once', () => {
		const sample = (time: number) => ({time, cpuPercent: 0, memoryBytes: 1024});
		const first = containersFromModel(start, () => [sample(1)]).containers[0]!;
		assert.deepEqual([first.cpuPercent, first.memoryBytes], [undefined, 1024]);
		assert.equal(containersFromModel(start, () => [sample(1), {...sample(2), cpuPercent: 7}]).containers[0]!.cpuPercent, 7);
	});

	it('carries restarts, the last exit and a crash loop found from die events', () => {
		const died = (state: ModelState, time: number) => applyEvent(applyEvent(state, {kind: 'docker', event: {type: 'container', action: 'die', id: 'a', attributes: {name: 'api', exitCode: '1'}, time}}), {kind: 'docker', event: {type: 'container', action: 'start', id: 'a', attributes: {name: 'api'}, time: time + 100}});
		const looping = [1000, 3000, 6000].reduce(died, start);
		const shown = containersFromModel(looping, () => [], 7000).containers[0]!;
		assert.deepEqual([shown.crashLooping, shown.lastExitCode, shown.startedAtMs, shown.finishedAtMs], [true, 1, 6100, 6000]);
	});
});
