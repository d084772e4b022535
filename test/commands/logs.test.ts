/**
 * `deckhand logs` through its run function against the private engine, output captured.
 */
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import logs, {formatLogLine, parseSince, parseTail} from '../../source/commands/logs.js';
import {EngineUnreachableError, UsageError} from '../../source/engine/errors.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';

const docker = testDocker();
const run = newRun();
const project = testName('logsproj');
const single = testName('logs-one');
const counting = testName('logs-count');
const service = `svc-${run}`;

/** Runs the command with captured streams; `until` lets a follow run be stopped once output appears. */
async function runLogs(input: string[], flags: Record<string, unknown> = {}, until?: (stdout: string) => boolean, global: {host?: string} = {}) {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	const controller = new AbortController();
	stdout.on('data', chunk => {
		out += String(chunk);
		if (until?.(out)) controller.abort();
	});
	stderr.on('data', chunk => (err += String(chunk)));
	const code = await logs.run({
		input,
		flags: {follow: false, timestamps: false, ...flags} as never,
		global,
		stdout: stdout as never,
		stderr: stderr as never,
		signal: controller.signal,
	});
	return {code, out, err};
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

describe('deckhand logs', () => {
	before(async () => {
		await startTestContainer(docker, run, single, {Cmd: ['sh', '-c', 'echo out; echo err >&2; echo "match me"; sleep 3600']});
		// stdout only: Docker copies stdout and stderr separately, so their relative order in the log is not fixed.
		await startTestContainer(docker, run, counting, {Cmd: ['sh', '-c', 'echo one; echo two; echo three; sleep 3600']});
		for (const replica of [1, 2]) {
			await startTestContainer(docker, run, `${project}-web-${replica}`, {
				Cmd: ['sh', '-c', `echo hello from ${replica}; sleep 3600`],
				Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.container-number': String(replica)},
			});
		}
	});

	after(async () => removeTestObjects(docker, run));

	it('prints stdout lines to stdout and stderr lines to stderr', async () => {
		const result = await eventually(async () => runLogs([single]), r => r.out.includes('match me') && r.err.includes('err'), 'both outputs');
		assert.equal(result.code, 0);
		assert.equal(result.out, 'out\nmatch me\n');
		assert.equal(result.err, 'err\n');
	});

	it('--grep keeps matching lines, --tail the last N, --timestamps prefixes the time', async () => {
		assert.equal((await runLogs([single], {grep: '^match'})).out, 'match me\n');
		await eventually(async () => runLogs([counting]), r => r.out === 'one\ntwo\nthree\n', 'three lines');
		assert.equal((await runLogs([counting], {tail: '2'})).out, 'two\nthree\n');
		assert.match((await runLogs([single], {timestamps: true})).out, /^\d{4}-\d\d-\d\dT[\d:.]+Z out\n/);
	});

	it('a compose service interleaves every replica with its name as prefix', async () => {
		const result = await eventually(async () => runLogs([service]), r => r.out.split('\n').length > 2, 'both replicas');
		const lines = result.out.trimEnd().split('\n').sort();
		assert.deepEqual(lines, [`${project}-web-1 | hello from 1`, `${project}-web-2 | hello from 2`]);
	});

	it('-f follows until interrupted', async () => {
		const result = await runLogs([single], {follow: true}, out => out.includes('match me'));
		assert.equal(result.code, 0);
		assert.equal(result.out, 'out\nmatch me\n');
	});

	it('bad input is a one-line usage error (exit 2)', async () => {
		const usage = async (input: string[], flags: Record<string, unknown>, pattern: RegExp) =>
			assert.rejects(runLogs(input, flags), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && pattern.test(error.message) && !error.message.includes('\n'));
		await usage([testName('missing')], {}, /unknown service "dhtest-missing-/);
		await usage([single], {grep: '(unclosed'}, /invalid --grep regular expression/);
		await usage([single], {since: 'yesterday'}, /invalid --since "yesterday"/);
		await usage([single], {tail: '-3'}, /invalid --tail/);
		await usage([], {}, /exactly one SERVICE/);
	});
});

describe('deckhand logs without an engine', () => {
	it('exits 3 naming what was tried', async () => {
		await assert.rejects(runLogs(['web'], {}, undefined, {host: 'unix:///tmp/dhtest-no-such-engine.sock'}), (error: unknown) => error instanceof EngineUnreachableError && error.exitCode === 3 && error.message.includes('dhtest-no-such-engine.sock'));
	});
});

describe('logs formatting and flag parsing', () => {
	it('formats a line with prefix and timestamp, sanitising escape sequences', () => {
		assert.equal(formatLogLine({stream: 'stdout', timestamp: '2026-01-01T00:00:00Z', text: 'hi'}, {prefix: 'web-1 | ', timestamps: true}), 'web-1 | 2026-01-01T00:00:00Z hi');
		assert.ok(!formatLogLine({stream: 'stdout', timestamp: '', text: 'evil \u001B]0;title\u0007'}, {timestamps: false}).includes('\u001B'));
	});

	it('--since takes a duration back from now or an RFC 3339 time; --tail a count or all', () => {
		assert.equal(parseSince('10m', 1_000_000), 400_000);
		assert.equal(parseSince('2026-01-01T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z'));
		assert.equal(parseSince('soon'), undefined);
		assert.deepEqual([parseTail('5'), parseTail('all'), parseTail('x')], [5, undefined, 'invalid']);
	});
});
