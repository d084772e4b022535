import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {connectEngine, createConnection} from '../../source/docker/client.js';
import {dockerOptionsFor, resolveEndpoint} from '../../source/docker/connection.js';
import {contextDirectoryName} from '../../source/docker/contexts.js';
import {EngineUnreachableError, UsageError} from '../../source/engine/errors.js';

const home = mkdtempSync(path.join(tmpdir(), 'dh-conn-'));
after(() => rmSync(home, {recursive: true, force: true}));

const readFile = (file: string) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
};

/** Writes a docker CLI context the way `docker context create` does. */
function writeContext(configDirectory: string, name: string, host: string, options: {skipTlsVerify?: boolean; tls?: boolean} = {}) {
	const id = contextDirectoryName(name);
	mkdirSync(path.join(configDirectory, 'contexts', 'meta', id), {recursive: true});
	writeFileSync(
		path.join(configDirectory, 'contexts', 'meta', id, 'meta.json'),
		JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: options.skipTlsVerify ?? false}}}),
	);
	if (options.tls) {
		const tlsDirectory = path.join(configDirectory, 'contexts', 'tls', id, 'docker');
		mkdirSync(tlsDirectory, {recursive: true});
		for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(tlsDirectory, file), `${file} of ${name}`);
	}
}

const resolve = (env: NodeJS.ProcessEnv, flags: {host?: string; context?: string} = {}) => resolveEndpoint({...flags, env, homeDirectory: home, readFile});

describe('resolveEndpoint', () => {
	const config = path.join(home, 'cfg');
	writeContext(config, 'prod', 'tcp://10.0.0.5:2376', {tls: true});
	writeContext(config, 'lab', 'ssh://ops@lab1:2222');
	writeContext(config, 'insecure', 'tcp://10.0.0.6:2376', {skipTlsVerify: true});
	mkdirSync(path.join(home, '.docker'), {recursive: true});

	it('uses the default socket when nothing is configured', () => {
		assert.deepEqual(resolve({}), {kind: 'unix', host: 'unix:///var/run/docker.sock', source: 'default', description: 'unix:///var/run/docker.sock (default socket)'});
	});

	it('takes DOCKER_HOST, and --host over DOCKER_HOST', () => {
		assert.equal(resolve({DOCKER_HOST: 'unix:///tmp/x.sock'}).host, 'unix:///tmp/x.sock');
		assert.equal(resolve({DOCKER_HOST: 'unix:///tmp/x.sock'}).source, 'env');
		const flag = resolve({DOCKER_HOST: 'unix:///tmp/x.sock'}, {host: 'tcp://1.2.3.4:2375'});
		assert.deepEqual([flag.kind, flag.host, flag.source], ['tcp', 'tcp://1.2.3.4:2375', 'flag']);
	});

	it('reads TLS settings like the docker client', () => {
		const verified = resolve({DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs'});
		assert.deepEqual(verified.tls, {ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true});
		const unverified = resolve({DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs'});
		assert.equal(unverified.tls?.verify, false);
		assert.equal(resolve({DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1'}).tls?.ca, path.join(home, '.docker', 'ca.pem'));
		assert.equal(resolve({DOCKER_HOST: 'tcp://h:2375'}).tls, undefined);
		assert.equal(resolve({DOCKER_HOST: 'unix:///s', DOCKER_TLS_VERIFY: '1'}).tls, undefined);
	});

	it('resolves --context, DOCKER_CONTEXT and currentContext from $DOCKER_CONFIG', () => {
		const id = contextDirectoryName('prod');
		const tlsDirectory = path.join(config, 'contexts', 'tls', id, 'docker');
		assert.deepEqual(resolve({DOCKER_CONFIG: config}, {context: 'prod'}), {
			kind: 'tcp',
			host: 'tcp://10.0.0.5:2376',
			source: 'context',
			context: 'prod',
			tls: {ca: path.join(tlsDirectory, 'ca.pem'), cert: path.join(tlsDirectory, 'cert.pem'), key: path.join(tlsDirectory, 'key.pem'), verify: true},
			description: 'context prod (tcp://10.0.0.5:2376)',
		});
		assert.equal(resolve({DOCKER_CONFIG: config, DOCKER_CONTEXT: 'lab'}).host, 'ssh://ops@lab1:2222');
		writeFileSync(path.join(config, 'config.json'), JSON.stringify({auths: {}, currentContext: 'lab'}));
		assert.equal(resolve({DOCKER_CONFIG: config}).context, 'lab');
		// DOCKER_HOST wins over the config's current context, as in the CLI.
		assert.equal(resolve({DOCKER_CONFIG: config, DOCKER_HOST: 'unix:///s'}).host, 'unix:///s');
		// The context named "default" means "no context".
		assert.equal(resolve({DOCKER_CONFIG: config, DOCKER_CONTEXT: 'default'}).source, 'default');
		const insecure = resolve({DOCKER_CONFIG: config}, {context: 'insecure'});
		assert.deepEqual(insecure.tls, {verify: false});
	});

	it('finds ~/.docker when DOCKER_CONFIG is unset', () => {
		writeContext(path.join(home, '.docker'), 'homectx', 'unix:///run/other.sock');
		writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({currentContext: 'homectx'}));
		assert.equal(resolve({}).host, 'unix:///run/other.sock');
		rmSync(path.join(home, '.docker', 'config.json'));
	});

	it('rejects bad input with one-line usage errors', () => {
		assert.throws(() => resolve({DOCKER_CONFIG: config}, {context: 'nope'}), (error: unknown) => error instanceof UsageError && /context "nope" does not exist/.test(error.message));
		assert.throws(() => resolve({}, {context: 'prod', host: 'unix:///s'}), UsageError);
		assert.throws(() => resolve({DOCKER_HOST: 'npipe:////./pipe/x'}), /unsupported engine host/);
		const broken = path.join(home, 'broken');
		mkdirSync(broken);
		writeFileSync(path.join(broken, 'config.json'), '{oops');
		assert.throws(() => resolve({DOCKER_CONFIG: broken}), /config.json is not valid JSON/);
	});
});

describe('dockerOptionsFor', () => {
	const bytes = (file: string) => Buffer.from(`bytes of ${file}`);
	it('overrides every connection key so docker-modem cannot mix in process.env', () => {
		const unix = dockerOptionsFor(resolve({DOCKER_HOST: 'unix:///tmp/d.sock'}), bytes, {});
		assert.deepEqual({...unix}, {socketPath: '/tmp/d.sock', host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined, username: undefined, protocol: 'http'});
	});
	it('loads ca/cert/key for TLS and picks ssh options', () => {
		const tls = dockerOptionsFor(resolve({DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c'}), bytes, {});
		assert.deepEqual([tls.protocol, tls.host, tls.port, String(tls.ca), String(tls.key)], ['https', 'h', 2376, 'bytes of /c/ca.pem', 'bytes of /c/key.pem']);
		const ssh = dockerOptionsFor(resolve({DOCKER_HOST: 'ssh://ops@db1'}), bytes, {SSH_AUTH_SOCK: '/agent'});
		assert.deepEqual([ssh.protocol, ssh.host, ssh.port, ssh.username, ssh.sshOptions], ['ssh', 'db1', 22, 'ops', {agent: '/agent'}]);
	});
});

describe('connectEngine', () => {
	it('connects to the private engine from DOCKER_HOST', async () => {
		const connection = await connectEngine({env: {DOCKER_HOST: process.env.DOCKER_HOST}});
		assert.equal(connection.endpoint.source, 'env');
		assert.ok((await connection.docker.version()).ApiVersion);
	});

	it('speaks plain tcp to an endpoint from --host', async () => {
		const server = http.createServer((request, response) => response.end(request.url === '/_ping' ? 'OK' : '{}'));
		await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
		try {
			const port = (server.address() as {port: number}).port;
			const connection = await connectEngine({host: `tcp://127.0.0.1:${port}`, env: {DOCKER_HOST: 'unix:///nowhere.sock'}});
			assert.equal(connection.host, `tcp://127.0.0.1:${port}`);
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});

	it('fails with exit 3, what was tried and how to fix it', async () => {
		const missing = path.join(home, 'missing.sock');
		await assert.rejects(connectEngine({env: {DOCKER_HOST: `unix://${missing}`}, timeoutMs: 1000}), (error: unknown) => {
			assert.ok(error instanceof EngineUnreachableError);
			assert.equal(error.exitCode, 3);
			assert.match(error.message, new RegExp(`tried unix://${missing}`));
			assert.match(error.message, /start dockerd/);
			assert.equal(error.tried.length, 1);
			return true;
		});
		await assert.rejects(connectEngine({env: {}, homeDirectory: home, timeoutMs: 500}).then(
			connection => {
				// A machine with a system socket answers; only then is there nothing to assert.
				throw Object.assign(new Error('skip'), {connection});
			},
		), (error: unknown) => (error instanceof EngineUnreachableError ? error.tried.length === 2 : (error as Error).message === 'skip'));
	});

	it('keeps createConnection synchronous for existing commands', () => {
		const connection = createConnection({env: {DOCKER_HOST: 'unix:///tmp/x.sock'}});
		assert.equal(connection.description, 'unix:///tmp/x.sock (DOCKER_HOST)');
	});
});
