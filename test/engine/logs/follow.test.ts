import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {encodeFrame} from '../../../source/engine/logs/demux.js';
import {followLogs, resumeBackoffMs, type LogCapabilities, type LogStreamRequest} from '../../../source/engine/logs/follow.js';
import {sinceArgument, timestampNanos} from '../../../source/engine/logs/timestamps.js';

const t1 = '2026-01-01T00:00:01Z';
const t2 = '2026-01-01T00:00:02.5Z';
const t3 = '2026-01-01T00:00:03Z';

async function* chunks(...parts: Buffer[]): AsyncIterable<Buffer> {
	for (const part of parts) yield part;
}

const out = (timestamp: string, text: string) => encodeFrame('stdout', `${timestamp} ${text}\n`);

/** Fake Docker: each open() returns the next scripted stream; records requests and waits. */
function scripted(streams: Array<Buffer[] | Error>) {
	const requests: Array<Omit<LogStreamRequest, 'signal'>> = [];
	let waits = 0;
	const capabilities: LogCapabilities = {
		async open(_id, {signal, ...request}) {
			requests.push(request);
			const next = streams.shift();
			if (!next) throw Object.assign(new Error('no such container'), {statusCode: 404});
			if (next instanceof Error) throw next;
			return {tty: false, chunks: chunks(...next)};
		},
		async waitUntilRunning() {
			waits++;
			return 'running';
		},
		sleep: async () => undefined,
	};
	return {capabilities, requests, waits: () => waits};
}

describe('following logs across restarts', () => {
	it('resumes from the last timestamp and delivers no line twice, even lines sharing an instant', async () => {
		const {capabilities, requests, waits} = scripted([
			[out(t1, 'one'), out(t2, 'two'), out(t2, 'three')],
			// Docker's since is inclusive: the lines at t2 come again, then a new one at the same instant.
			[out(t2, 'two'), out(t2, 'three'), out(t2, 'four'), out(t3, 'five')],
		]);
		const seen: string[] = [];
		await followLogs(capabilities, 'c', {follow: true, tail: 10, signal: new AbortController().signal, onLines: lines => seen.push(...lines.map(line => line.text))});
		assert.deepEqual(seen, ['one', 'two', 'three', 'four', 'five']);
		assert.deepEqual(requests[0], {since: undefined, tail: 10, follow: true});
		assert.deepEqual(requests[1], {since: sinceArgument(timestampNanos(t2)!), tail: undefined, follow: true}, 'resumed from the last instant, whole history since');
		assert.equal(waits(), 2, 'waited for the container to run before each resume');
	});

	it('without follow reads one stream and returns', async () => {
		const {capabilities, requests} = scripted([[out(t1, 'a')], [out(t2, 'never')]]);
		const seen: string[] = [];
		await followLogs(capabilities, 'c', {follow: false, sinceMs: 1500, signal: new AbortController().signal, onLines: lines => seen.push(...lines.map(line => line.text))});
		assert.deepEqual(seen, ['a']);
		assert.equal(requests.length, 1);
		assert.equal(requests[0]!.since, '1.500000000');
	});

	it('stops quietly when aborted and rethrows other failures', async () => {
		const controller = new AbortController();
		controller.abort();
		const {capabilities} = scripted([[out(t1, 'a')]]);
		await followLogs(capabilities, 'c', {follow: true, signal: controller.signal, onLines: () => assert.fail('no lines after abort')});
		const failing = scripted([new Error('server error')]);
		await assert.rejects(followLogs(failing.capabilities, 'c', {follow: true, signal: new AbortController().signal, onLines: () => undefined}), /server error/);
	});

	it('with follow, a dropped connection (daemon restart) is resumed like a container restart', async () => {
		const {capabilities} = scripted([[out(t1, 'before')], Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), [out(t1, 'before'), out(t2, 'after')]]);
		const seen: string[] = [];
		await followLogs(capabilities, 'c', {follow: true, signal: new AbortController().signal, onLines: lines => seen.push(...lines.map(line => line.text))});
		assert.deepEqual(seen, ['before', 'after']);
	});

	it('backs off from 250 ms doubling to 5 s while the container keeps stopping at once', () => {
		assert.deepEqual([0, 1, 2, 3, 4, 5, 10].map(resumeBackoffMs), [250, 500, 1000, 2000, 4000, 5000, 5000]);
	});
});
