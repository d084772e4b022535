import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {execa} from 'execa';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../helpers/engine.js';

const docker = testDocker();
const run = newRun();
const project = `dhtest-quiet-${run}`;
const hostileService = 'svc\u009b31m\u009d\u202eevil\u2066\u061c\u2060\u206e\u{e0041}';
after(() => removeTestObjects(docker, run));

const cli = (args: string[], env: Record<string, string> = {}) => execa('node', ['dist/cli.js', ...args], {reject: false, env: {CI: 'true', DOCKER_HOST: testHost(), ...env}, input: ''});

before(async () => {
	// Twelve running containers: more than Node's default of ten abort listeners per signal.
	await Promise.all(Array.from({length: 12}, (_, index) =>
		startTestContainer(docker, run, testName(`quiet${index}`), {Labels: {'com.docker.compose.project': project, 'com.docker.compose.service': index === 0 ? hostileService : `s${index}`}})));
});

describe('deckhand status is quiet and terminal-safe', () => {
	it('prints nothing on stderr with 12 running containers (no MaxListenersExceededWarning)', async () => {
		const result = await cli(['status', '-p', project]);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '', 'stderr is empty');
		const services = (JSON.parse(result.stdout) as {projects: Array<{services: unknown[]}>}).projects[0]!.services;
		assert.equal(services.length, 12);
	});

	it('--json escapes C1, bidi, invisible and tag characters from labels as \\u, and still parses', async () => {
		const result = await cli(['status', '-p', project, '--json', '--no-stats']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.doesNotMatch(result.stdout, /[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u061c\u2060-\u2064\u206a-\u206f]|\udb40/u, 'no raw C1/bidi/invisible characters reach the terminal');
		assert.match(result.stdout, /svc\\u009b31m\\u009d\\u202eevil\\u2066\\u061c\\u2060\\u206e\\udb40\\udc41/);
		const names = (JSON.parse(result.stdout) as {projects: Array<{services: Array<{name: string}>}>}).projects[0]!.services.map(service => service.name);
		assert.ok(names.includes(hostileService), 'the JSON value is unchanged after parsing');
	});
});

describe('a socket this user may not use', () => {
	it('says to add the user to the docker group or use sudo, not to start dockerd', {skip: process.getuid?.() === 0 ? false : 'needs root to run the CLI as another user'}, async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-denied-'));
		chmodSync(dir, 0o755);
		const socket = path.join(dir, 'docker.sock');
		const server = createServer(connection => connection.destroy());
		await new Promise<void>(resolve => server.listen(socket, resolve));
		chmodSync(socket, 0o600);
		try {
			const result = await execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', `DOCKER_HOST=unix://${socket}`, 'HOME=/tmp', 'CI=true', process.execPath, 'dist/cli.js', 'status'], {reject: false, extendEnv: false, input: ''});
			assert.equal(result.exitCode, 3, result.stderr);
			assert.match(result.stderr, /EACCES.*add the user to the docker group or use sudo$/m);
			assert.doesNotMatch(result.stderr, /start dockerd/);
			assert.equal(result.stderr.trim().split('\n').length, 1);
		} finally {
			server.close();
		}
	});
});
