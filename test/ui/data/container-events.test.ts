import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {patchFromEvent} from '../../../source/ui/data/live-source.js';

describe('container events applied before the re-list', () => {
	const facts = [{id: 'a', name: 'api', image: 'i', state: 'running', health: 'healthy' as const, labels: {}}];
	const event = (action: string) => ({type: 'container', action, id: 'a', name: 'api', time: 0});

	it('a die event marks the container exited at once', () => {
		assert.equal(patchFromEvent(facts, event('die'))[0]!.state, 'exited');
	});

	it('a health_status event sets the health', () => {
		assert.equal(patchFromEvent(facts, event('health_status: unhealthy'))[0]!.health, 'unhealthy');
	});

	it('a restart of a healthchecked container shows starting until the next health_status event', () => {
		const restarted = patchFromEvent(patchFromEvent(facts, event('die')), event('start'));
		assert.deepEqual({state: restarted[0]!.state, health: restarted[0]!.health}, {state: 'running', health: 'starting'});
		assert.equal(patchFromEvent(restarted, event('health_status: healthy'))[0]!.health, 'healthy');
	});

	it('a restart of a container without a healthcheck keeps no health', () => {
		const plain = [{...facts[0]!, health: 'none' as const}];
		assert.equal(patchFromEvent(plain, event('start'))[0]!.health, 'none');
	});

	it('other events leave the facts as they are (same array)', () => {
		assert.equal(patchFromEvent(facts, event('exec_create: sh')), facts);
	});
});
