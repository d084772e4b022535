import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingBuffer} from '../../../source/engine/logs/ring-buffer.js';
import {LogIngest, type LogEntry} from '../../../source/ui/data/log-ingest.js';
import type {LogLine} from '../../../source/ui/view/types.js';

const lines = (from: number, count: number, second = 0): LogLine[] =>
	Array.from({length: count}, (_, index) => ({stream: 'stdout', text: `line ${from + index}`, time: `2026-12-03T09:00:${String(second).padStart(2, '0')}.${String(from + index).padStart(9, '0')}Z`}));
const numbers = (buffer: RingBuffer<LogEntry>) => buffer.toArray().map(entry => Number(entry.text.split(' ')[1]));

describe('log ingest', () => {
	it('puts one container\'s lines into the buffer as they arrive, the same objects, without waiting for a frame', () => {
		const buffer = new RingBuffer<LogEntry>(100);
		const ingest = new LogIngest(buffer, 1);
		const batch = lines(0, 3);
		ingest.add(0, batch);
		assert.equal(buffer.size, 3);
		assert.equal(buffer.at(0), batch[0], 'no copy per line');
		assert.equal(ingest.commit(), 3, 'the version is the count pushed');
	});

	it('keeps a contiguous window of the newest lines under a burst far larger than the buffer', () => {
		const buffer = new RingBuffer<LogEntry>(1000);
		const ingest = new LogIngest(buffer, 1);
		for (let from = 0; from < 50_000; from += 137) ingest.add(0, lines(from, Math.min(137, 50_000 - from)));
		ingest.commit();
		assert.deepEqual(numbers(buffer), Array.from({length: 1000}, (_, index) => 49_000 + index));
		assert.equal(buffer.firstSequence, 49_000);
	});

	it('merges several containers in time order at commit, each line tagged with its container', () => {
		const buffer = new RingBuffer<LogEntry>(100);
		const ingest = new LogIngest(buffer, 2);
		ingest.add(0, [lines(0, 1, 1)[0]!, lines(2, 1, 3)[0]!]);
		ingest.add(1, [lines(1, 1, 2)[0]!]);
		assert.equal(buffer.size, 0, 'nothing before the frame');
		assert.equal(ingest.commit(), 3);
		assert.deepEqual(buffer.toArray().map(entry => [entry.text, entry.source]), [['line 0', 0], ['line 1', 1], ['line 2', 0]]);
		assert.equal(ingest.commit(), 3, 'a frame with nothing new changes nothing');
	});

	it('holds at most the capacity per container while no frame comes', () => {
		const buffer = new RingBuffer<LogEntry>(10);
		const ingest = new LogIngest(buffer, 2);
		for (let from = 0; from < 1000; from += 100) ingest.add(0, lines(from, 100));
		ingest.commit();
		assert.deepEqual(numbers(buffer), Array.from({length: 10}, (_, index) => 990 + index));
	});
});
