import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {demultiplex, encodeFrame} from '../../../source/engine/logs/demux.js';
import {splitLines} from '../../../source/engine/logs/lines.js';

const frames = (result: ReturnType<typeof demultiplex>) => result.frames.map(frame => [frame.stream, frame.data.toString()]);

describe('demultiplexing Docker log frames', () => {
	const stream = Buffer.concat([encodeFrame('stdout', 'out 1\n'), encodeFrame('stderr', 'err 1\n'), encodeFrame('stdout', 'out 2\n')]);

	it('splits whole frames and marks stdout and stderr', () => {
		const result = demultiplex(Buffer.alloc(0), stream);
		assert.deepEqual(frames(result), [['stdout', 'out 1\n'], ['stderr', 'err 1\n'], ['stdout', 'out 2\n']]);
		assert.equal(result.rest.length, 0);
	});

	it('gives the same frames however the bytes are cut, including inside a header', () => {
		for (let cut = 1; cut < stream.length; cut++) {
			const first = demultiplex(Buffer.alloc(0), stream.subarray(0, cut));
			const second = demultiplex(first.rest, stream.subarray(cut));
			assert.deepEqual([...frames(first), ...frames(second)], [['stdout', 'out 1\n'], ['stderr', 'err 1\n'], ['stdout', 'out 2\n']], `cut at byte ${cut}`);
		}
	});

	it('gives the same frames fed one byte at a time', () => {
		let pending: Buffer = Buffer.alloc(0);
		const seen: string[][] = [];
		for (const byte of stream) {
			const result = demultiplex(pending, Buffer.from([byte]));
			pending = result.rest;
			seen.push(...frames(result));
		}
		assert.deepEqual(seen, [['stdout', 'out 1\n'], ['stderr', 'err 1\n'], ['stdout', 'out 2\n']]);
	});

	it('keeps an incomplete frame for the next chunk', () => {
		const partial = encodeFrame('stderr', 'abcdef').subarray(0, 10);
		const result = demultiplex(Buffer.alloc(0), partial);
		assert.deepEqual(result.frames, []);
		assert.equal(result.rest.length, 10);
	});
});

describe('splitting lines across chunks', () => {
	it('joins a line cut in two and keeps the unfinished tail', () => {
		const first = splitLines(Buffer.alloc(0), Buffer.from('one\ntw'));
		assert.deepEqual(first.lines, ['one']);
		const second = splitLines(first.rest, Buffer.from('o\nthree'));
		assert.deepEqual(second.lines, ['two']);
		assert.equal(second.rest.toString(), 'three');
	});

	it('does not break a multi-byte character cut between chunks', () => {
		const bytes = Buffer.from('héllo ✓\n');
		const first = splitLines(Buffer.alloc(0), bytes.subarray(0, 2));
		const second = splitLines(first.rest, bytes.subarray(2));
		assert.deepEqual(second.lines, ['héllo ✓']);
	});
});
