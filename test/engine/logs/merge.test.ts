import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {mergeByTime, timeKey} from '../../../source/engine/logs/merge.js';

describe('merging the logs of several containers', () => {
	it('orders lines by instant although Docker trims the fraction', () => {
		assert.ok(timeKey('2026-01-01T00:00:01Z') < timeKey('2026-01-01T00:00:01.1Z'));
		assert.ok(timeKey('2026-01-01T00:00:01.5Z') > timeKey('2026-01-01T00:00:01.123456789Z'));
	});

	it('interleaves batches in time order, stable for equal instants, lines without time staying after their predecessor', () => {
		const web1 = [{time: '2026-01-01T00:00:01Z', text: 'w1 a'}, {text: 'w1 continued'}, {time: '2026-01-01T00:00:03Z', text: 'w1 b'}];
		const web2 = [{time: '2026-01-01T00:00:01Z', text: 'w2 a'}, {time: '2026-01-01T00:00:02.5Z', text: 'w2 b'}];
		assert.deepEqual(mergeByTime([web1, web2]).map(line => line.text), ['w1 a', 'w1 continued', 'w2 a', 'w2 b', 'w1 b']);
	});

	it('returns a single batch as it is', () => {
		const only = [{time: '2026-01-01T00:00:02Z', text: 'late'}, {time: '2026-01-01T00:00:01Z', text: 'early'}];
		assert.deepEqual(mergeByTime([[], only]), only);
	});
});
