import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DependencyGraph} from '../../../source/engine/plan/graph.js';
import {stopLevels} from '../../../source/engine/plan/stop-levels.js';

const graph = (edges: Record<string, readonly string[]>): DependencyGraph => ({
	services: Object.fromEntries(Object.entries(edges).map(([name, deps]) => [name, {dependsOn: Object.fromEntries(deps.map(dep => [dep, {condition: 'service_started' as const}]))}])),
});

describe('stopLevels (reverse dependency levels)', () => {
	it('stops independent dependents together, then what they depend on', () => {
		assert.deepEqual(stopLevels(graph({db: [], api: ['db'], worker: ['db'], web: ['api']})), [['web', 'worker'], ['api'], ['db']]);
	});

	it('puts unrelated services in the first level', () => {
		assert.deepEqual(stopLevels(graph({a: [], b: [], c: []})), [['a', 'b', 'c']]);
	});

	it('ignores dependencies outside the chosen services (they keep running)', () => {
		assert.deepEqual(stopLevels(graph({db: [], api: ['db'], web: ['api']}), ['api', 'web']), [['web'], ['api']]);
	});

	it('waits for the deepest dependent: a diamond stops top, middle, bottom', () => {
		assert.deepEqual(stopLevels(graph({db: [], cache: ['db'], api: ['db', 'cache'], web: ['api', 'cache']})), [['web'], ['api'], ['cache'], ['db']]);
	});

	it('breaks a cycle (rejected by the loader anyway) by stopping what is left together', () => {
		assert.deepEqual(stopLevels(graph({a: ['b'], b: ['a'], c: ['a']})), [['c'], ['a', 'b']]);
	});
});
