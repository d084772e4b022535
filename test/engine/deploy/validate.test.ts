import {createHash} from 'node:crypto';
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {gunzipSync} from 'node:zlib';
import {UsageError} from '../../../source/engine/errors.js';
import {validateTarball} from '../../../source/engine/deploy/validate.js';
import {defaultTarLimits, resolveInTree} from '../../../source/engine/deploy/tar-rules.js';
import {appEntries, hostileTarballs, tarball} from '../../fixtures/deploy/tarballs.js';

const validate = (bytes: Buffer, limits = defaultTarLimits) => validateTarball(Readable.from([bytes]), limits);

describe('resolveInTree (symlinks followed inside the tarball)', () => {
	it('stays inside for relative links, leaves for .. above the root or absolute targets', () => {
		assert.deepEqual(resolveInTree(['a', 'b'], '../c', new Map()), ['a', 'c']);
		assert.equal(resolveInTree(['a'], '../../etc', new Map()), undefined);
		assert.equal(resolveInTree([], '/etc', new Map()), undefined);
	});

	it('follows links the tarball defines, so `d/b -> ..` makes `d/b/..` leave the root', () => {
		assert.equal(resolveInTree([], 'd/b/..', new Map([['d/b', '..']])), undefined);
		assert.deepEqual(resolveInTree([], 'd/b/x', new Map([['d/b', 'e']])), ['d', 'e', 'x']);
		assert.equal(resolveInTree([], 'loop', new Map([['loop', 'loop']])), undefined);
	});
});

describe('validateTarball', () => {
	it('accepts a good tarball (gzip or plain) and reports its checksums', async () => {
		const bytes = await tarball([{name: 'dir', type: 'directory'}, ...appEntries('v2'), {name: 'dir/link', type: 'symlink', linkname: '../VERSION'}, {name: 'hard', type: 'link', linkname: 'VERSION'}]);
		const report = await validate(bytes);
		assert.equal(report.contentSha256, report.manifest.contentSha256);
		assert.equal(report.tarballSha256, createHash('sha256').update(bytes).digest('hex'));
		assert.equal(report.entries, 5);
		assert.equal((await validate(gunzipSync(bytes))).contentSha256, report.contentSha256);
	});

	it('refuses each hostile tarball with a one-line reason, as bad input', async () => {
		const expected: Record<string, RegExp> = {
			'absolute path': /"\/etc\/evil": absolute path/,
			'../ path': /"\.\.\/evil": path contains "\.\."/,
			'nested ../ path': /path contains "\.\."/,
			'symlink to /etc': /symlink to the absolute path "\/etc" points outside/,
			'relative symlink escaping': /symlink to "\.\.\/\.\.\/etc" points outside/,
			'hardlink escaping': /hard link to "\.\.\/\.\.\/etc\/passwd"/,
			'absolute hardlink': /hard link to "\/etc\/passwd"/,
			'device node': /a character device is not allowed/,
			fifo: /a fifo is not allowed/,
			'entry through a symlink': /"l\/x": goes through the symlink "l"/,
			'bad checksum': /checksum mismatch/,
			'no manifest': /no \.deckhand-manifest\.json/,
		};
		for (const [name, bytes] of Object.entries(await hostileTarballs('#!/bin/sh\n'))) {
			await assert.rejects(validate(bytes), (error: unknown) => {
				assert.ok(error instanceof UsageError, `${name}: a UsageError`);
				assert.match(error.message, expected[name]!, `${name}: ${error.message}`);
				assert.doesNotMatch(error.message, /\n/);
				return true;
			});
		}
	});

	it('finds a link redirected by a later link (checked again once all links are known)', async () => {
		const entries = [...appEntries('v'), {name: 'a', type: 'symlink' as const, linkname: 'd/b/..'}, {name: 'd', type: 'directory' as const}, {name: 'd/b', type: 'symlink' as const, linkname: '..'}];
		await assert.rejects(validate(await tarball(entries)), /"a": symlink to "d\/b\/\.\." points outside/);
	});

	it('refuses content over the size limit before reading it, and duplicates and garbage', async () => {
		const big = await tarball([...appEntries('v'), {name: 'big', content: Buffer.alloc(2048)}]);
		await assert.rejects(validate(big, {maxBytes: 1024, maxEntries: 100}), /larger than the limit of 1024 bytes/);
		await assert.rejects(validate(await tarball([{name: 'x', content: 'a'}, {name: './x', content: 'b'}])), /"\.\/x": the path appears twice/);
		await assert.rejects(validate(Buffer.from('this is not a tarball at all, not even close'.repeat(20))), /tarball rejected/);
	});
});
