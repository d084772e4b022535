import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createConnection} from '../../../source/docker/client.js';
import {RingBuffer} from '../../../source/engine/logs/ring-buffer.js';
import {consoleEngine} from '../../../source/ui/data/console-engine.js';
import {createLiveSource} from '../../../source/ui/data/live-source.js';
import {LogIngest, type LogEntry} from '../../../source/ui/data/log-ingest.js';
import {logBufferLines} from '../../../source/ui/hooks/use-logs.js';
import type {ConsoleSource} from '../../../source/ui/view/types.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../../helpers/engine.js';

const burst = 30_000;

/** Polls `check` until it holds or the deadline passes. */
async function eventually(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}

describe('a burst of log lines on the private engine', () => {
	const docker = testDocker();
	const run = newRun();
	let source: ConsoleSource;

	before(() => {
		source = createLiveSource(consoleEngine(createConnection({host: testHost()})), {statsIntervalMs: 60_000});
	});

	after(async () => {
		source?.close();
		await removeTestObjects(docker, run);
	});

	it(`leaves the Logs tab's window holding the newest ${logBufferLines} numbers of ${burst}, contiguous, none lost or repeated`, async () => {
		// The container says it is ready, waits for the test to be following, then prints as fast as its shell can.
		const container = await startTestContainer(docker, run, testName('burst'), {
			Cmd: ['sh', '-c', `go=; trap 'go=1' USR1; echo ready; while [ -z "$go" ]; do sleep 1; done; i=0; while [ $i -lt ${burst} ]; do echo "n $i"; i=$((i+1)); done; echo done; exec sleep 3600`],
		});
		// The console's own path: the live source's follower into the Logs tab's ingest and ring buffer.
		const buffer = new RingBuffer<LogEntry>(logBufferLines);
		const ingest = new LogIngest(buffer, 1);
		let received = 0;
		let frames = 0;
		const controller = new AbortController();
		source.followLogs!(
			container.id,
			lines => {
				received += lines.filter(line => line.text.startsWith('n ')).length;
				ingest.add(0, lines);
				frames++;
			},
			controller.signal,
		);
		try {
			await eventually(() => buffer.toArray().some(entry => entry.text === 'ready'), 'the ready line', 20_000);
			await container.kill({signal: 'USR1'});
			await eventually(() => buffer.last()?.text === 'done', 'the last line of the burst', 120_000);
			ingest.commit();
			const numbers = buffer
				.toArray()
				.filter(entry => entry.text.startsWith('n '))
				.map(entry => Number(entry.text.slice(2)));
			assert.equal(received, burst, `every line of the burst reached the console once (batches: ${frames})`);
			assert.equal(numbers.length, logBufferLines - 1, 'the window is full: the newest lines and the done line');
			const gaps = numbers.flatMap((value, index) => (index > 0 && value !== numbers[index - 1]! + 1 ? [`${numbers[index - 1]}→${value}`] : []));
			assert.deepEqual(gaps, [], 'no gap and no repeat in the window');
			assert.equal(numbers.at(-1), burst - 1);
		} finally {
			controller.abort();
		}
	});
});
