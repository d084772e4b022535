import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingBuffer} from '../../../source/engine/logs/ring-buffer.js';

describe('ring buffer', () => {
	it('keeps the newest items in order and counts the dropped ones', () => {
		const buffer = new RingBuffer<number>(3);
		buffer.push(1, 2);
		assert.deepEqual(buffer.toArray(), [1, 2]);
		buffer.push(3, 4, 5);
		assert.deepEqual(buffer.toArray(), [3, 4, 5]);
		assert.equal(buffer.size, 3);
		assert.equal(buffer.droppedCount, 2);
		assert.equal(buffer.last(), 5);
	});

	it('empties on clear and refuses a non-positive capacity', () => {
		const buffer = new RingBuffer<string>(2);
		buffer.push('a');
		buffer.clear();
		assert.deepEqual(buffer.toArray(), []);
		assert.equal(buffer.last(), undefined);
		assert.throws(() => new RingBuffer(0), /positive integer/);
	});
});
