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

	it('stays at its capacity however many items arrive, and numbers them so a reader can tell which are gone', () => {
		const buffer = new RingBuffer<number>(1000);
		const batch = Array.from({length: 250_000}, (_, index) => index);
		buffer.pushAll(batch);
		assert.equal(buffer.size, 1000);
		assert.equal(buffer.pushedCount, 250_000);
		assert.equal(buffer.firstSequence, 249_000);
		assert.equal(buffer.droppedCount, 249_000);
		assert.equal(buffer.at(0), 249_000);
		assert.equal(buffer.at(999), 249_999);
		assert.equal(buffer.at(1000), undefined);
		assert.equal(buffer.bySequence(249_500), 249_500);
		assert.equal(buffer.bySequence(248_999), undefined, 'a dropped item is not returned');
	});

	it('keeps every item within its window: nothing lost that is not older than the newest capacity', () => {
		const buffer = new RingBuffer<number>(64);
		for (let chunk = 0; chunk < 100; chunk++) buffer.pushAll(Array.from({length: 37}, (_, index) => chunk * 37 + index));
		assert.deepEqual(buffer.toArray(), Array.from({length: 64}, (_, index) => 3700 - 64 + index));
	});
});
