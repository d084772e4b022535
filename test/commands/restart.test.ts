import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import restart from '../../source/commands/restart.js';
import {UsageError} from '../../source/engine/errors.js';
import {testName} from '../helpers/engine.js';

const context = (input: string[], flags: Record<string, unknown>) => ({
	input, flags: {withDependents: false, failFast: false, json: false, ...flags} as never, global: {}, stdout: new PassThrough() as never, stderr: new PassThrough() as never, signal: new AbortController().signal,
});

describe('deckhand restart', () => {
	it('without a service is a usage error (exit 2)', async () => {
		await assert.rejects(restart.run(context([], {projectName: 'x'})), (e: unknown) => e instanceof UsageError && /at least one SERVICE/.test(e.message));
	});

	it('of a project with no containers is a usage error naming the project', async () => {
		const project = testName('norestart');
		await assert.rejects(restart.run(context(['db'], {projectName: project})), (e: unknown) => e instanceof UsageError && e.message.includes(project));
	});
});
