/**
 * Logs against the real engine: stdout/stderr demultiplexed, TTY output raw, and a follower
 * that keeps going across `docker restart` without repeating a line.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {logCapabilities} from '../../source/engine/logs/follow.js';
import type {LogLine} from '../../source/engine/logs/decode.js';
import {followLogs} from '../../source/engine/logs/follow.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
const capabilities = logCapabilities(ports);

/** Polls `read` until `done` holds, or fails after the deadline with what was last seen. */
async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, deadlineMs = 60_000): Promise<T> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

const readAll = async (id: string) => {
	const lines: LogLine[] = [];
	await followLogs(capabilities, id, {follow: false, signal: new AbortController().signal, onLines: batch => lines.push(...batch)});
	return lines;
};

describe('logs against the private engine', () => {
	after(async () => removeTestObjects(docker, run));

	it('marks stdout and stderr lines of a non-TTY container', async () => {
		const container = await startTestContainer(docker, run, testName('logs-std'), {Cmd: ['sh', '-c', 'echo out; echo err >&2; sleep 3600']});
		const lines = await eventually(async () => readAll(container.id), found => found.length >= 2, 'two log lines');
		assert.deepEqual(
			lines.map(line => [line.stream, line.text]).sort(),
			[['stderr', 'err'], ['stdout', 'out']],
		);
		assert.ok(lines.every(line => /^\d{4}-\d\d-\d\dT/.test(line.timestamp)), 'every line carries Docker\'s timestamp');
	});

	it('passes a TTY container\'s output raw', async () => {
		const container = await startTestContainer(docker, run, testName('logs-tty'), {Tty: true, Cmd: ['sh', '-c', 'echo hello tty; sleep 3600']});
		const lines = await eventually(async () => readAll(container.id), found => found.length >= 1, 'the TTY line');
		assert.deepEqual(lines.map(line => [line.stream, line.text]), [['tty', 'hello tty']]);
	});

	it('keeps following across docker restart without repeating lines, and ends when the container is removed', async () => {
		const script = 'echo boot; for n in 1 2 3; do echo line$n; sleep 0.1; done; exec sleep 3600';
		const container = await startTestContainer(docker, run, testName('logs-follow'), {Cmd: ['sh', '-c', script], StopSignal: 'SIGKILL'});
		const seen: string[] = [];
		const controller = new AbortController();
		const following = followLogs(capabilities, container.id, {follow: true, signal: controller.signal, onLines: batch => seen.push(...batch.map(line => line.text))});
		try {
			await eventually(() => seen.length, count => count >= 4, 'the first run\'s four lines');
			await container.restart({t: 0});
			await eventually(() => seen.length, count => count >= 8, 'the second run\'s lines after restart');
			// Give a duplicate the chance to show up: wait until the logs API itself has all 8 lines.
			await eventually(async () => (await readAll(container.id)).length, count => count >= 8, 'eight lines in the engine');
			assert.deepEqual(seen, ['boot', 'line1', 'line2', 'line3', 'boot', 'line1', 'line2', 'line3']);
			await container.remove({force: true});
			let timer: NodeJS.Timeout | undefined;
			const ended = await Promise.race([following.then(() => true), new Promise<boolean>(resolve => (timer = setTimeout(resolve, 20_000, false)))]);
			clearTimeout(timer);
			assert.ok(ended, 'the follower ends once its container is removed');
		} finally {
			controller.abort();
			await following.catch(() => undefined);
		}
	});
});
