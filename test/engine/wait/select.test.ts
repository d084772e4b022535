import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {selectWaitTargets, type ListedContainer} from '../../../source/engine/wait/select.js';

const container = (id: string, name: string, labels: Record<string, string> = {}, state = 'running'): ListedContainer => ({id, name, state, labels});
const compose = (project: string, service: string, extra: Record<string, string> = {}) => ({'com.docker.compose.project': project, 'com.docker.compose.service': service, ...extra});
const ids = (selection: {targets: ListedContainer[]}) => selection.targets.map(c => c.id);

const containers = [
	container('a1', 'shop-api-1', compose('shop', 'api')),
	container('a2', 'shop-api-2', compose('shop', 'api')),
	container('d1', 'shop-db-1', compose('shop', 'db')),
	container('r1', 'shop-api-run-1', compose('shop', 'api', {'com.docker.compose.oneoff': 'True'})),
	container('b1', 'blog-api-1', compose('blog', 'api')),
	container('s1', 'cache', {}),
	container('t1', 'stack_web.1.abc', {'com.docker.swarm.task.id': 'abc'}, 'exited'),
];

describe('selectWaitTargets', () => {
	it('a compose service name means all its containers in the project, never one-off runs', () => {
		assert.deepEqual(ids(selectWaitTargets(containers, ['api'], 'shop')), ['a1', 'a2']);
	});

	it('no names with a project means every container of it', () => {
		assert.deepEqual(ids(selectWaitTargets(containers, [], 'shop')), ['a1', 'a2', 'd1']);
	});

	it('a container name matches exactly, without a project', () => {
		assert.deepEqual(ids(selectWaitTargets(containers, ['cache', 'blog-api-1'])), ['s1', 'b1']);
	});

	it('a service name in several projects is ambiguous without -p; unknown names are reported', () => {
		const selection = selectWaitTargets(containers, ['api', 'nope']);
		assert.deepEqual(selection.ambiguous, ['api']);
		assert.deepEqual(selection.unknown, ['nope']);
	});

	it('finished Swarm task containers are not waited on', () => {
		assert.deepEqual(selectWaitTargets(containers, ['stack_web.1.abc']).unknown, ['stack_web.1.abc']);
	});
});
