import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import supervise from '../../source/commands/supervise.js';
import {UsageError} from '../../source/engine/errors.js';

const run = async (flags: Record<string, boolean>) => {
	const stdout = new PassThrough();
	const chunks: Buffer[] = [];
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	const code = await supervise.run({input: [], flags: {print: false, path: false, ...flags} as never, global: {}, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
	return {code, output: Buffer.concat(chunks).toString('utf8')};
};

describe('deckhand supervise', () => {
	it('--print prints the shipped POSIX-sh script, byte for byte', async () => {
		const {code, output} = await run({print: true});
		assert.equal(code, 0);
		assert.equal(output, readFileSync('scripts/deckhand-supervise', 'utf8'));
		assert.match(output, /^#!\/bin\/sh\n/);
	});

	it('--path prints where the package keeps it', async () => {
		const {output} = await run({path: true});
		assert.equal(readFileSync(output.trim(), 'utf8'), readFileSync('scripts/deckhand-supervise', 'utf8'));
	});

	it('needs exactly one of --print or --path', async () => {
		await assert.rejects(run({}), UsageError);
		await assert.rejects(run({print: true, path: true}), UsageError);
	});
});
