import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createEventSplitter, parseDockerEvent, splitLines} from '../../../source/engine/model/ndjson.js';

const start = {Type: 'container', Action: 'start', Actor: {ID: 'abc', Attributes: {name: 'web', image: 'busybox'}}, time: 1700000000, timeNano: 1700000000123456789};
const die = {Type: 'container', Action: 'die', Actor: {ID: 'abc', Attributes: {name: 'web', exitCode: '137'}}, time: 1700000001};

describe('NDJSON splitting', () => {
	it('keeps the unfinished tail for the next chunk', () => {
		assert.deepEqual(splitLines('', '{"a":1}\n{"b":'), {lines: ['{"a":1}'], rest: '{"b":'});
		assert.deepEqual(splitLines('{"b":', '2}\n\n'), {lines: ['{"b":2}'], rest: ''});
		assert.deepEqual(splitLines('', 'x\r\n'), {lines: ['x'], rest: ''});
	});

	it('yields the same events however the bytes are cut, even inside a multi-byte character', () => {
		const withUnicode = {...start, Actor: {ID: 'u', Attributes: {name: 'café-☕'}}};
		const bytes = Buffer.from(`${JSON.stringify(start)}\n${JSON.stringify(withUnicode)}\n${JSON.stringify(die)}\n`);
		const whole = createEventSplitter()(bytes);
		assert.equal(whole.length, 3);
		for (let size = 1; size <= 17; size++) {
			const split = createEventSplitter();
			const events = [];
			for (let offset = 0; offset < bytes.length; offset += size) events.push(...split(bytes.subarray(offset, offset + size)));
			assert.deepEqual(events, whole, `chunks of ${size} bytes`);
		}
		assert.equal(whole[1]!.attributes.name, 'café-☕');
	});

	it('normalises events and skips lines that are not events', () => {
		assert.deepEqual(parseDockerEvent(JSON.stringify(start)), {type: 'container', action: 'start', id: 'abc', attributes: {name: 'web', image: 'busybox'}, time: 1700000000123});
		assert.equal(parseDockerEvent(JSON.stringify(die))!.time, 1700000001000);
		assert.equal(parseDockerEvent('not json'), undefined);
		assert.equal(parseDockerEvent('{"status":"x"}'), undefined);
		assert.equal(parseDockerEvent('null'), undefined);
	});
});
