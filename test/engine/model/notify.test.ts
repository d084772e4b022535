import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createCoalescer, reconnectDelay} from '../../../source/engine/model/notify.js';
import {fakeScheduler} from '../../helpers/fake-scheduler.js';


describe('createCoalescer', () => {
	it('delivers a burst of changes as one flush, then at most one per interval', () => {
		const {scheduler, advance} = fakeScheduler();
		const flushes: number[] = [];
		const coalescer = createCoalescer(() => flushes.push(scheduler.now()), 500, scheduler);
		for (let i = 0; i < 100; i++) coalescer.changed();
		advance(0);
		assert.deepEqual(flushes, [0], 'first change after quiet flushes at once');
		for (let t = 0; t < 1000; t += 10) {
			coalescer.changed();
			advance(10);
		}
		// Changes every 10 ms for a second: flushes at 500 and 1000, never closer than the interval.
		assert.deepEqual(flushes, [0, 500, 1000]);
	});

	it('cancel drops the pending flush', () => {
		const {scheduler, advance, pending} = fakeScheduler();
		let flushes = 0;
		const coalescer = createCoalescer(() => flushes++, 500, scheduler);
		coalescer.changed();
		coalescer.cancel();
		advance(1000);
		assert.equal(flushes, 0);
		assert.equal(pending(), 0);
	});
});

describe('reconnectDelay', () => {
	it('doubles from 250 ms up to the cap', () => {
		assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 100].map(attempt => reconnectDelay(attempt)), [250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
		assert.equal(reconnectDelay(3, 1000), 1000);
	});
});
