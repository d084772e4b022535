import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {resolveLogTargets, type ContainerRef} from '../../../source/engine/logs/resolve-target.js';

const containers: ContainerRef[] = [
	{id: 'abc111', names: ['/shop-web-2'], labels: {'com.docker.compose.service': 'web'}},
	{id: 'abc222', names: ['/shop-web-10'], labels: {'com.docker.compose.service': 'web'}},
	{id: 'abc333', names: ['/shop-web-1'], labels: {'com.docker.compose.service': 'web'}},
	{id: 'def444', names: ['/db'], labels: {'com.docker.compose.service': 'postgres'}},
	{id: 'fed555', names: ['/web'], labels: {}},
	{id: '999666', names: ['/queue.1.xyz'], labels: {'com.docker.swarm.service.name': 'queue'}},
];

describe('which containers `deckhand logs SERVICE` means', () => {
	it('an exact container name wins, even over a service of the same name', () => {
		assert.deepEqual(resolveLogTargets(containers, 'web'), {kind: 'found', targets: [{id: 'fed555', label: 'web'}]});
		assert.deepEqual(resolveLogTargets(containers, '/db'), {kind: 'found', targets: [{id: 'def444', label: 'db'}]});
	});

	it('an id prefix names one container, or is ambiguous', () => {
		assert.deepEqual(resolveLogTargets(containers, 'def4'), {kind: 'found', targets: [{id: 'def444', label: 'db'}]});
		assert.deepEqual(resolveLogTargets(containers, 'abc'), {kind: 'ambiguous', candidates: ['shop-web-1', 'shop-web-10', 'shop-web-2']});
	});

	it('a compose service gives every replica in replica order; a Swarm service its tasks', () => {
		const withoutStandalone = containers.filter(container => container.id !== 'fed555');
		assert.deepEqual(resolveLogTargets(withoutStandalone, 'web'), {
			kind: 'found',
			targets: [
				{id: 'abc333', label: 'shop-web-1'},
				{id: 'abc111', label: 'shop-web-2'},
				{id: 'abc222', label: 'shop-web-10'},
			],
		});
		assert.deepEqual(resolveLogTargets(containers, 'queue'), {kind: 'found', targets: [{id: '999666', label: 'queue.1.xyz'}]});
	});

	it('anything else is unknown', () => {
		assert.deepEqual(resolveLogTargets(containers, 'nginx'), {kind: 'unknown'});
	});
});
