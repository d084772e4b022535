import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {UsageError} from '../../../source/engine/errors.js';
import {loadCompose} from '../../../source/engine/compose/load.js';

function project(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-hostile-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message) && !error.message.includes('\n');

/** A "billion laughs" file: each level aliases the previous one ten times. */
export function aliasBomb(levels = 9): string {
	const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
	for (let level = 1; level <= levels; level++) lines.push(`a${level}: &a${level} [${Array.from({length: 10}, () => `*a${level - 1}`).join(', ')}]`);
	lines.push(`services:\n  a:\n    image: x\n    command: *a${levels}`);
	return `${lines.join('\n')}\n`;
}

describe('hostile compose files are refused in one line', () => {
	it('refuses -f /dev/zero at once', () => {
		assert.throws(() => loadCompose({files: ['/dev/zero'], cwd: tmpdir(), env: {}}), usage(/^\/dev\/zero: not a regular file$/));
	});

	it('refuses a FIFO given with -f without hanging', () => {
		const dir = project({});
		execFileSync('mkfifo', [path.join(dir, 'x.yaml')]);
		assert.throws(() => loadCompose({files: ['x.yaml'], cwd: dir, env: {}}), usage(/x\.yaml: not a regular file$/));
	});

	it('refuses a directory given with -f', () => {
		const dir = project({});
		mkdirSync(path.join(dir, 'x.yaml'));
		assert.throws(() => loadCompose({files: ['x.yaml'], cwd: dir, env: {}}), usage(/x\.yaml: is a directory$/));
	});

	it('refuses a compose file over 4 MiB', () => {
		const dir = project({'x.yaml': `# ${'p'.repeat(4 * 1024 * 1024)}\nservices: {a: {image: x}}\n`});
		assert.throws(() => loadCompose({files: ['x.yaml'], cwd: dir, env: {}}), usage(/x\.yaml: larger than 4 MiB$/));
	});

	it('refuses env_file: /dev/zero and a .env that is a FIFO', () => {
		const zero = project({'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: /dev/zero\n'});
		assert.throws(() => loadCompose({cwd: zero, env: {}}), usage(/env_file \/dev\/zero: not a regular file/));
		const fifo = project({'compose.yaml': 'services:\n  a:\n    image: x\n'});
		execFileSync('mkfifo', [path.join(fifo, '.env')]);
		assert.throws(() => loadCompose({cwd: fifo, env: {}}), usage(/\/\.env: not a regular file$/));
	});

	it('refuses a YAML alias bomb by name instead of expanding it', () => {
		const dir = project({'compose.yaml': aliasBomb()});
		assert.throws(() => loadCompose({cwd: dir, env: {}}), usage(/compose\.yaml: too many YAML aliases/));
	});

	it('refuses deeply nested YAML (flow and block) without a RangeError', () => {
		const flow = project({'compose.yaml': `services: {a: {image: x}}\nx-deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`});
		assert.throws(() => loadCompose({cwd: flow, env: {}}), usage(/compose\.yaml: .*nested too deeply/));
		const block = project({'compose.yaml': `services: {a: {image: x}}\nx-deep:\n${Array.from({length: 100}, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n')} 1\n`});
		assert.throws(() => loadCompose({cwd: block, env: {}}), usage(/compose\.yaml: .*nested too deeply/));
	});
});
