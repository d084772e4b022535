import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {backoffDelay} from '../../../source/engine/wait/backoff.js';

describe('backoffDelay', () => {
	it('starts at 250 ms and doubles each attempt when the jitter draw is neutral (0.5)', () => {
		assert.deepEqual([0, 1, 2, 3].map(attempt => backoffDelay(attempt, 0.5, {capMs: 10_000})), [250, 500, 1000, 2000]);
	});

	it('never exceeds the cap, even with the largest jitter draw', () => {
		assert.deepEqual([4, 5, 10, 50].map(attempt => backoffDelay(attempt, 0.999, {capMs: 3000})), [3000, 3000, 3000, 3000]);
	});

	it('jitter spreads the delay symmetrically by the given fraction', () => {
		assert.equal(backoffDelay(1, 0, {jitter: 0.2}), 400);
		assert.equal(backoffDelay(1, 1, {jitter: 0.2}), 600);
		assert.equal(backoffDelay(1, 0, {jitter: 0}), 500);
	});

	it('honours start, factor and the default 2 s cap', () => {
		assert.deepEqual([0, 1, 2].map(attempt => backoffDelay(attempt, 0.5, {startMs: 100, factor: 3})), [100, 300, 900]);
		assert.equal(backoffDelay(20, 0.5), 2000);
	});
});
