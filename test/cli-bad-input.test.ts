import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {execa} from 'execa';
import {testHost} from './helpers/engine.js';

const run = (args: string[], env: Record<string, string> = {}) =>
	execa('node', ['dist/cli.js', ...args], {reject: false, env: {CI: 'true', DOCKER_HOST: testHost(), ...env}, extendEnv: false, input: ''});

/** One line on stderr, no stack frames, the given exit code. */
function assertOneLine(result: {exitCode?: number; stderr: string}, exitCode: number, pattern: RegExp): void {
	assert.equal(result.exitCode, exitCode, `exit code (stderr: ${result.stderr})`);
	assert.equal(result.stderr.trim().split('\n').length, 1, `one line on stderr, got:\n${result.stderr}`);
	assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack frames');
	assert.match(result.stderr, pattern);
}

describe('bad input on the command line is one line and exit 2', () => {
	it('reload --signal SIGBOGUS and --signal 999 are refused before any engine call', async () => {
		assertOneLine(await run(['reload', 'x', '--signal', 'SIGBOGUS']), 2, /^deckhand: --signal: unknown signal "SIGBOGUS"/);
		assertOneLine(await run(['reload', 'x', '--signal', '999']), 2, /^deckhand: --signal: unknown signal "999"/);
	});

	it('scale x=99999999999999999999 is refused with the bound, not an HTTP 400', async () => {
		assertOneLine(await run(['scale', 'x=99999999999999999999']), 2, /^deckhand: x: replicas must be a whole number from 0 to 10000$/);
	});

	it('pack -o into a missing directory names it and creates nothing', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-pack-'));
		mkdirSync(path.join(dir, 'app'));
		writeFileSync(path.join(dir, 'app', 'index.js'), '1\n');
		assertOneLine(await run(['pack', path.join(dir, 'app'), '-o', '/nonexistent/dir/x']), 2, /^deckhand: -o \/nonexistent\/dir\/x: directory \/nonexistent\/dir does not exist$/);
		assertOneLine(await run(['pack', path.join(dir, 'app'), '-o', dir]), 2, /^deckhand: -o .*: is a directory$/);
		assertOneLine(await run(['pack', path.join(dir, 'app'), '-o', '/dev/full']), 1, /^deckhand: cannot write \/dev\/full: ENOSPC$/);
	});

	it('deploy of /dev/zero, a FIFO or a directory is refused before anything is touched', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-deploy-'));
		execFileSync('mkfifo', [path.join(dir, 'app.tar.gz')]);
		assertOneLine(await run(['deploy', 'nosuchservice', '/dev/zero']), 2, /^deckhand: \/dev\/zero: not a regular file$/);
		assertOneLine(await run(['deploy', 'nosuchservice', path.join(dir, 'app.tar.gz')]), 2, /app\.tar\.gz: not a regular file$/);
		assertOneLine(await run(['deploy', 'nosuchservice', dir]), 2, /: is a directory$/);
	});

	it('down -p with a name compose refuses is exit 2, not normalised into another project', async () => {
		assertOneLine(await run(['down', '-p', 'My App']), 2, /^deckhand: -p: invalid project name "My App"/);
	});

	it('DOCKER_HOST with port 99999 names DOCKER_HOST', async () => {
		assertOneLine(await run(['status'], {DOCKER_HOST: 'tcp://127.0.0.1:99999'}), 2, /^deckhand: DOCKER_HOST "tcp:\/\/127\.0\.0\.1:99999": port must be 1-65535$/);
		assertOneLine(await run(['status'], {DOCKER_HOST: 'tcp://exa mple:2375'}), 2, /^deckhand: DOCKER_HOST "tcp:\/\/exa mple:2375" is not a valid URL/);
	});

	it('DOCKER_TLS_VERIFY=1 with missing certificates names the missing file (exit 2)', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'dh-home-'));
		assertOneLine(await run(['status'], {DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', HOME: home}), 2, new RegExp(`${home}/\\.docker/ca\\.pem: not found`));
		assertOneLine(await run(['status'], {DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent/certs'}), 2, /\/nonexistent\/certs\/ca\.pem: not found/);
	});

	it('doctor --dockerfile /dev/zero, a FIFO and a directory are refused at once', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-doctor-'));
		execFileSync('mkfifo', [path.join(dir, 'Dockerfile.fifo')]);
		mkdirSync(path.join(dir, 'Dockerfile.dir'));
		assertOneLine(await run(['doctor', '--dockerfile', '/dev/zero']), 2, /^deckhand: \/dev\/zero: not a regular file$/);
		assertOneLine(await run(['doctor', '--dockerfile', path.join(dir, 'Dockerfile.fifo')]), 2, /Dockerfile\.fifo: not a regular file$/);
		assertOneLine(await run(['doctor', '--dockerfile', path.join(dir, 'Dockerfile.dir')]), 2, /Dockerfile\.dir: is a directory$/);
	});

	it('an ssh:// host prints no DEP0170 deprecation, only the connection error', async () => {
		const result = await run(['status'], {DOCKER_HOST: 'ssh://nobody@127.0.0.1:1', HOME: mkdtempSync(path.join(tmpdir(), 'dh-home-'))});
		assertOneLine(result, 3, /^deckhand: no Docker engine answered \(tried ssh:\/\/nobody@127\.0\.0\.1:1/);
		assert.doesNotMatch(result.stderr, /DEP0170|DeprecationWarning/);
	});
});
