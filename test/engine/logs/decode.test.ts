import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createLogDecoder} from '../../../source/engine/logs/decode.js';
import {encodeFrame} from '../../../source/engine/logs/demux.js';
import {sinceArgument, splitTimestamp, timestampNanos} from '../../../source/engine/logs/timestamps.js';

describe('Docker log timestamps', () => {
	it('splits the RFC 3339 prefix from the text', () => {
		assert.deepEqual(splitTimestamp('2026-11-23T23:51:18.755593183Z hello world'), {timestamp: '2026-11-23T23:51:18.755593183Z', text: 'hello world'});
		assert.deepEqual(splitTimestamp('no timestamp here'), {timestamp: '', text: 'no timestamp here'});
	});

	it('compares trimmed fractions exactly (Go trims trailing zeros)', () => {
		assert.equal(timestampNanos('2026-11-23T23:51:18.7Z')! - timestampNanos('2026-11-23T23:51:18.69999999Z')!, 10n);
		assert.equal(timestampNanos('1970-01-01T00:00:01Z'), 1_000_000_000n);
		assert.equal(timestampNanos('garbage'), undefined);
	});

	it('writes Docker\'s since argument as seconds.nanoseconds', () => {
		assert.equal(sinceArgument(1_700_000_000_000_000_042n), '1700000000.000000042');
	});
});

describe('decoding a log stream', () => {
	it('demultiplexes a non-TTY stream into stdout and stderr lines with timestamps', () => {
		const decoder = createLogDecoder(false);
		const bytes = Buffer.concat([encodeFrame('stdout', '2026-01-01T00:00:00.1Z out\n'), encodeFrame('stderr', '2026-01-01T00:00:00.2Z err\n')]);
		const lines = [...decoder.push(bytes.subarray(0, 13)), ...decoder.push(bytes.subarray(13)), ...decoder.flush()];
		assert.deepEqual(lines, [
			{stream: 'stdout', timestamp: '2026-01-01T00:00:00.1Z', text: 'out'},
			{stream: 'stderr', timestamp: '2026-01-01T00:00:00.2Z', text: 'err'},
		]);
	});

	it('passes a TTY stream raw (no frame headers), dropping the \\r of CRLF', () => {
		const decoder = createLogDecoder(true);
		assert.deepEqual(decoder.push(Buffer.from('2026-01-01T00:00:00Z a\r\n2026-01-01T00:00:01Z b')), [{stream: 'tty', timestamp: '2026-01-01T00:00:00Z', text: 'a'}]);
		assert.deepEqual(decoder.flush(), [{stream: 'tty', timestamp: '2026-01-01T00:00:01Z', text: 'b'}]);
	});

	it('keeps each output\'s unfinished line apart', () => {
		const decoder = createLogDecoder(false);
		const lines = [
			...decoder.push(Buffer.concat([encodeFrame('stdout', 'T o-'), encodeFrame('stderr', 'T e-')])),
			...decoder.push(Buffer.concat([encodeFrame('stdout', 'done\n'), encodeFrame('stderr', 'done\n')])),
		];
		assert.deepEqual(lines.map(line => `${line.stream}:${line.text}`), ['stdout:T o-done', 'stderr:T e-done']);
	});
});
