/** Name ordering without ICU: case ignored first, digit runs as numbers when asked. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {compareText} from '../../../source/engine/text/compare.js';

const sorted = (names: readonly string[], numeric = false) => [...names].sort((a, b) => compareText(a, b, {numeric}));

describe('compareText', () => {
	it('orders as localeCompare does for the names containers have', () => {
		const names = ['worker', 'API', 'db', 'api', 'web-2', 'web-10', 'Web-1', 'cache_1', 'cache-1', 'cache.1', 'cache1', 'z', 'a', 'shop-web-1', 'shop_web_1'];
		assert.deepEqual(sorted(names), [...names].sort((a, b) => a.localeCompare(b)));
	});
	it('compares digit runs as numbers with numeric', () => {
		assert.deepEqual(sorted(['web-10', 'web-2', 'web-1', 'web'], true), ['web', 'web-1', 'web-2', 'web-10']);
		assert.deepEqual(sorted(['web-10', 'web-2'], false), ['web-10', 'web-2']);
	});
	it('is 0 only for equal strings, and antisymmetric', () => {
		assert.equal(compareText('a', 'a'), 0);
		for (const [a, b] of [['a', 'A'], ['x1', 'x01'], ['a-b', 'a_b']] as const) {
			assert.notEqual(compareText(a, b), 0);
			assert.equal(Math.sign(compareText(a, b)), -Math.sign(compareText(b, a)));
		}
	});
});
