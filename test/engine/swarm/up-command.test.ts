import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {after, describe, it} from 'node:test';
import up from '../../../source/commands/up.js';
import {DeckhandError} from '../../../source/engine/errors.js';
import {newRun, removeTestObjects, TEST_IMAGE, testDocker, testName} from '../../helpers/engine.js';

const docker = testDocker();
const run = newRun();
after(async () => removeTestObjects(docker, run));

describe('deckhand up --swarm', () => {
	it('deploys the file as a stack and prints one JSON event per line, ending ready', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-swarm-up-'));
		const file = path.join(dir, 'compose.yaml');
		const stack = testName('swarmup');
		writeFileSync(file, [
			'services:',
			'  web:',
			`    image: ${TEST_IMAGE}`,
			'    network_mode: none',
			'    stop_signal: SIGKILL',
			'    command: sleep 3600',
			`    labels: {deckhand.test: "${run}"}`,
			'    x-deckhand: {ready: {uptime: 1s}}',
			'',
		].join('\n'));
		const stdout = new PassThrough();
		let out = '';
		stdout.on('data', c => (out += c));
		let code: number;
		try {
			code = await up.run({input: [], flags: {file: [file], projectName: stack, swarm: true, json: true, failFast: false, timeout: '120s'} as never, global: {}, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
		} catch (error) {
			if (!(error instanceof DeckhandError)) throw error;
			code = error.exitCode;
			out += error.message;
		}
		assert.equal(code, 0, out);
		const events = out.trim().split('\n').map(line => JSON.parse(line) as {type: string; step: string; detail?: string});
		assert.ok(events.some(event => event.step === 'start:web' && event.detail === 'created'), out);
		// The operations table's events: the last step is web ready, then the operation's result.
		const steps = events.filter(event => (event as {kind?: string}).kind === 'step');
		assert.equal(steps.at(-1)?.step, 'ready:web', out);
		assert.equal(steps.at(-1)?.type, 'ready');
		assert.equal((events.at(-1) as {kind?: string; result?: string}).result, 'ok', out);
		const service = (await docker.getService(`${stack}_web`).inspect()) as {Spec: {Labels: Record<string, string>}};
		assert.equal(service.Spec.Labels['com.docker.stack.namespace'], stack);
	});
});
