import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {UsageError} from '../../../source/engine/errors.js';
import {loadConfig} from '../../../source/ui/config/config.js';
import {loadTheme} from '../../../source/ui/theme/theme.js';

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);
const directory = () => mkdtempSync(path.join(tmpdir(), 'dh-config-'));

describe('the config file and theme files are read with a bound', () => {
	it('refuses a config file that links to /dev/zero, a FIFO or a directory, at once', () => {
		const zero = directory();
		symlinkSync('/dev/zero', path.join(zero, 'config.yaml'));
		assert.throws(() => loadConfig({directory: zero}), usage(/^config .*config\.yaml: not a regular file$/));
		const fifo = directory();
		execFileSync('mkfifo', [path.join(fifo, 'config.yaml')]);
		assert.throws(() => loadConfig({directory: fifo}), usage(/not a regular file$/));
		const folder = directory();
		mkdirSync(path.join(folder, 'config.yaml'));
		assert.throws(() => loadConfig({directory: folder}), usage(/is a directory$/));
	});

	it('refuses a config file over 1 MiB and reads a missing one as empty', () => {
		const big = directory();
		writeFileSync(path.join(big, 'config.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
		assert.throws(() => loadConfig({directory: big}), usage(/larger than 1 MiB$/));
		assert.deepEqual(loadConfig({directory: directory()}).keys, {});
	});

	it('refuses a theme file that is not a regular file or over 256 KiB', () => {
		const themes = directory();
		symlinkSync('/dev/zero', path.join(themes, 'zero.json'));
		writeFileSync(path.join(themes, 'big.json'), `{"name": "${'x'.repeat(300 * 1024)}"}`);
		assert.throws(() => loadTheme('zero', {directories: [themes]}), usage(/zero\.json: not a regular file$/));
		assert.throws(() => loadTheme('big', {directories: [themes]}), usage(/big\.json: larger than 256 KiB$/));
	});
});
