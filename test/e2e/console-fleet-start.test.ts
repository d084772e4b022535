/**
 * Starting the console on several engines: one that does not answer does not stop the
 * console (its row says unreachable, the other's containers show); none answering is exit 3
 * naming each; a bad `engines:` entry in the config file is one line and exit 2.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost} from '../helpers/engine.js';
import {hasTmux} from '../helpers/tmux.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {lineWith, startConsoleInTmux} from './console-session.js';

const missing = `unix:///tmp/dh-w14c-missing-${process.pid}/docker.sock`;
const run = newRun();
const name = `dhtest-${run.slice(0, 4)}-up`;
const configHome = mkdtempSync(join(tmpdir(), 'dh-w14c-config-'));

after(async () => {
	await removeTestObjects(testDocker(), run);
	rmSync(configHome, {recursive: true, force: true});
});

describe('console start-up on several engines', () => {
	it('starts with one engine away: its row says unreachable and the other\'s containers show', {skip: hasTmux() ? false : 'tmux is not installed'}, async () => {
		await startTestContainer(testDocker(), run, name);
		const tmux = await startConsoleInTmux({columns: 180, rows: 40, args: ['--host', missing, '--host', testHost()], env: {XDG_STATE_HOME: configHome}});
		try {
			await tmux.sendKeys('3/');
			await tmux.sendKeys(name, {literal: true});
			await tmux.sendKeys('Enter');
			await tmux.waitForScreen(screen => lineWith(screen, `dh-w14c-missing-${process.pid}`)?.includes('unreachable') === true && lineWith(screen, name) !== undefined, {timeoutMs: 20_000, message: 'the reachable engine\'s container or the unreachable row did not show'});
		} finally {
			await tmux.kill();
		}
	});

	it('exits 3 naming each engine when none answers', async () => {
		const result = await deckhand(['--host', missing, '--host', `${missing}2`], {XDG_CONFIG_HOME: '/nonexistent-deckhand-test-config'});
		assert.equal(result.exitCode, 3, result.stderr);
		assert.match(result.stderr, /^deckhand: no engine reachable: dh-w14c-missing-\d+: connect ENOENT .*; docker\.sock2: connect ENOENT /);
		assert.equal(result.stderr.trim().split('\n').length, 1);
	});

	it('a bad engines: entry in the config file is one line and exit 2', async () => {
		mkdirSync(join(configHome, 'deckhand'), {recursive: true});
		writeFileSync(join(configHome, 'deckhand', 'config.yaml'), 'engines:\n  a: {host: x, context: y}\n');
		const result = await deckhand([], {XDG_CONFIG_HOME: configHome});
		assert.equal(result.exitCode, 2, result.stderr);
		assert.match(result.stderr, /^deckhand: config .*config\.yaml: engines\.a must be a host URL, a context name, \{host: URL\} or \{context: NAME\}$/);
	});

	it('a host given twice is one line and exit 2', async () => {
		const result = await deckhand(['--host', testHost(), '--host', testHost()], {XDG_CONFIG_HOME: '/nonexistent-deckhand-test-config'});
		assert.equal(result.exitCode, 2, result.stderr);
		assert.match(result.stderr, /^deckhand: engine .* is given twice$/);
	});
});
