import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {UsageError} from '../../../source/engine/errors.js';
import {checkRegularFile, fileProblem, formatLimit, readBoundedText, readOptionalBoundedText} from '../../../source/engine/files/read-bounded.js';

const usage = (message: string) => (error: unknown) => error instanceof UsageError && error.message === message;

describe('bounded reads of user files', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-bounded-'));
	const small = path.join(dir, 'small.yaml');
	writeFileSync(small, 'services: {}\n');

	it('reads a regular file within the limit, through a symbolic link too', () => {
		symlinkSync(small, path.join(dir, 'link.yaml'));
		assert.equal(readBoundedText(small, 100), 'services: {}\n');
		assert.equal(readBoundedText(path.join(dir, 'link.yaml'), 100), 'services: {}\n');
	});

	it('refuses /dev/zero (a character device) at once instead of reading forever', () => {
		assert.throws(() => readBoundedText('/dev/zero', 4 * 1024 * 1024), usage('/dev/zero: not a regular file'));
	});

	it('refuses a link to /dev/zero under the name it was given', () => {
		symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
		assert.throws(() => readBoundedText(path.join(dir, 'zero.yaml'), 100, 'zero.yaml'), usage('zero.yaml: not a regular file'));
	});

	it('refuses a FIFO without waiting for a writer', () => {
		const fifo = path.join(dir, 'fifo.yaml');
		execFileSync('mkfifo', [fifo]);
		const started = performance.now();
		assert.throws(() => readBoundedText(fifo, 100, 'fifo.yaml'), usage('fifo.yaml: not a regular file'));
		assert.ok(performance.now() - started < 1000, 'the FIFO check returned at once');
	});

	it('refuses a directory', () => {
		mkdirSync(path.join(dir, 'x.yaml'));
		assert.throws(() => readBoundedText(path.join(dir, 'x.yaml'), 100, 'x.yaml'), usage('x.yaml: is a directory'));
	});

	it('refuses a file one byte over the limit and accepts one exactly at it', () => {
		writeFileSync(path.join(dir, 'big'), 'a'.repeat(1025));
		writeFileSync(path.join(dir, 'edge'), 'a'.repeat(1024));
		assert.throws(() => readBoundedText(path.join(dir, 'big'), 1024, 'big'), usage('big: larger than 1 KiB'));
		assert.equal(readBoundedText(path.join(dir, 'edge'), 1024).length, 1024);
		assert.throws(() => checkRegularFile(path.join(dir, 'big'), 1024, 'big'), usage('big: larger than 1 KiB'));
	});

	it('says "not found" for a missing file, and the optional reader returns undefined', () => {
		assert.throws(() => readBoundedText(path.join(dir, 'nope'), 10, 'nope'), usage('nope: not found'));
		assert.equal(readOptionalBoundedText(path.join(dir, 'nope'), 10), undefined);
		assert.throws(() => readOptionalBoundedText('/dev/zero', 10), usage('/dev/zero: not a regular file'));
	});

	it('names limits the way people read them', () => {
		assert.equal(formatLimit(4 * 1024 * 1024), '4 MiB');
		assert.equal(formatLimit(256 * 1024), '256 KiB');
		assert.equal(formatLimit(1000), '1000 bytes');
		const stats = (kind: 'file' | 'dir' | 'other', size = 0) => ({isFile: () => kind === 'file', isDirectory: () => kind === 'dir', size});
		assert.equal(fileProblem(stats('file', 10), 10), undefined);
		assert.equal(fileProblem(stats('file', 11), 10), 'larger than 10 bytes');
		assert.equal(fileProblem(stats('dir'), 10), 'is a directory');
		assert.equal(fileProblem(stats('other'), 10), 'not a regular file');
	});
});
