import assert from 'node:assert/strict';
import {test} from 'node:test';
import {execa} from 'execa';

const cli = (...args: string[]) => execa('node', ['dist/cli.js', ...args], {reject: false, env: {CI: 'true'}});

test('an unknown command is one line on stderr and exit 2', async () => {
	const result = await cli('frobnicate');
	assert.equal(result.exitCode, 2);
	assert.match(result.stderr, /^deckhand: unknown command "frobnicate"/);
	assert.equal(result.stderr.trim().split('\n').length, 1);
});

test('an unknown flag is one line naming the flag and exit 2', async () => {
	const result = await cli('--bogus-flag');
	assert.equal(result.exitCode, 2);
	assert.equal(result.stderr.trim(), 'deckhand: unknown option --bogus-flag (see --help)');
});

test('--help lists the commands and the exit codes', async () => {
	const result = await cli('--help');
	assert.equal(result.exitCode, 0);
	assert.match(result.stdout, /Exit codes: 0 success, 1 operation failed, 2 bad input, 3 no engine reachable/);
});

test('--help after a command and its arguments prints the help and runs nothing', async () => {
	// No engine at this address: had the command run, it would exit 3.
	const result = await execa('node', ['dist/cli.js', 'reload', 'web', '--help'], {reject: false, env: {CI: 'true', DOCKER_HOST: 'unix:///nonexistent/deckhand-test.sock'}});
	assert.equal(result.exitCode, 0, result.stderr);
	assert.match(result.stdout, /\$ deckhand reload SERVICE/);
});

test('the console with no engine answering is one line naming what was tried, and exit 3', async () => {
	const result = await execa('node', ['dist/cli.js'], {reject: false, env: {CI: 'true', DOCKER_HOST: 'unix:///nonexistent/deckhand-test.sock'}, input: ''});
	assert.equal(result.exitCode, 3);
	assert.match(result.stderr, /^deckhand: no Docker engine answered \(tried unix:\/\/\/nonexistent\/deckhand-test\.sock \(DOCKER_HOST\): .*\); start dockerd/);
	assert.equal(result.stderr.trim().split('\n').length, 1);
});
