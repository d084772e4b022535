import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import mode from '../../source/commands/mode.js';
import {EngineUnreachableError, UsageError} from '../../source/engine/errors.js';
import {testHost} from '../helpers/engine.js';

/** Runs the command with captured stdout and answers [exit code, output]. */
async function runMode(flags: Record<string, unknown>, global: {host?: string} = {host: testHost()}, input: string[] = []): Promise<[number, string]> {
	const stdout = new PassThrough();
	let output = '';
	stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await mode.run({input, flags: {json: false, ...flags} as never, global, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
	return [code, output];
}

describe('deckhand mode', () => {
	it('--json prints the documented shape for the real engine', async () => {
		const [code, output] = await runMode({json: true});
		assert.equal(code, 0);
		const parsed = JSON.parse(output) as Record<string, any>;
		assert.deepEqual(Object.keys(parsed), ['mode', 'containerId', 'evidence', 'parallelism', 'endpoint', 'engine']);
		assert.deepEqual(Object.keys(parsed.engine), ['product', 'version', 'apiVersion', 'os', 'arch', 'kernel', 'cgroupVersion', 'cgroupDriver', 'swarm']);
		assert.deepEqual(parsed.endpoint, {host: testHost(), source: 'flag', context: null});
		assert.equal(parsed.mode, 'host');
		assert.equal(parsed.containerId, null);
		assert.equal(parsed.parallelism, 8);
		assert.equal(parsed.engine.product, 'docker');
		assert.equal(parsed.engine.apiVersion, '1.41');
		assert.equal(parsed.engine.cgroupVersion, '1');
		assert.equal(parsed.engine.swarm, 'active');
	});

	it('prints aligned lines without --json', async () => {
		const [, output] = await runMode({});
		assert.match(output, /^mode {9}host\n/);
		assert.match(output, /\nswarm {8}active\n/);
		assert.match(output, /\nparallelism {2}8\n$/);
	});

	it('exits 3 naming the endpoint when no engine answers, and 2 on stray arguments', async () => {
		await assert.rejects(runMode({}, {host: 'unix:///tmp/deckhand-no-such.sock'}), (error: unknown) => error instanceof EngineUnreachableError && error.message.includes('/tmp/deckhand-no-such.sock'));
		await assert.rejects(runMode({}, {}, ['extra']), UsageError);
	});
});
