import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {connectEngine} from '../../source/docker/client.js';
import {contextDirectoryName} from '../../source/docker/contexts.js';
import {EngineUnreachableError} from '../../source/engine/errors.js';

const hasOpenssl = (() => {
	try {
		execFileSync('openssl', ['version']);
		return true;
	} catch {
		return false;
	}
})();

const directory = mkdtempSync(path.join(tmpdir(), 'dh-tls-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: directory, stdio: 'pipe'});
let server: https.Server;
let port = 0;
const seenClientCertificates: boolean[] = [];

before(() => {
	if (!hasOpenssl) return;
	// A CA, a server certificate for 127.0.0.1 and a client certificate, like `dockerd --tlsverify` uses.
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=deckhand test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
	writeFileSync(path.join(directory, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
	openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.cnf');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'client.csr', '-subj', '/CN=client');
	openssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'cert.pem', '-days', '2');
});
after(() => {
	server?.closeAllConnections();
	server?.close();
	rmSync(directory, {recursive: true, force: true});
});

async function startServer() {
	const file = (name: string) => readFileSync(path.join(directory, name));
	server = https.createServer({key: file('server-key.pem'), cert: file('server.pem'), ca: file('ca.pem'), requestCert: true, rejectUnauthorized: true}, (request, response) => {
		seenClientCertificates.push((request.socket as import('node:tls').TLSSocket).authorized);
		response.end(request.url === '/_ping' ? 'OK' : '{}');
	});
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	port = (server.address() as {port: number}).port;
}

describe('TLS endpoints', {skip: !hasOpenssl && 'openssl is not installed'}, () => {
	it('verifies the server and presents the client certificate from DOCKER_CERT_PATH', async () => {
		await startServer();
		const connection = await connectEngine({env: {DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: directory}});
		assert.equal(connection.endpoint.tls?.verify, true);
		assert.deepEqual(seenClientCertificates, [true]);
	});

	it('refuses a server its CA did not sign when verifying, and accepts it with SkipTLSVerify in a context', async () => {
		// A second CA: its certificate is not the server's issuer.
		const other = path.join(directory, 'other');
		mkdirSync(other);
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(other, 'ca-key.pem'), '-out', path.join(other, 'ca.pem'), '-days', '2', '-subj', '/CN=other CA'], {stdio: 'pipe'});
		for (const name of ['cert.pem', 'key.pem']) writeFileSync(path.join(other, name), readFileSync(path.join(directory, name)));
		await assert.rejects(connectEngine({env: {DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: other}, timeoutMs: 2000}), EngineUnreachableError);

		const config = path.join(directory, 'config');
		const id = contextDirectoryName('lab');
		mkdirSync(path.join(config, 'contexts', 'meta', id), {recursive: true});
		writeFileSync(path.join(config, 'contexts', 'meta', id, 'meta.json'), JSON.stringify({Name: 'lab', Endpoints: {docker: {Host: `tcp://127.0.0.1:${port}`, SkipTLSVerify: true}}}));
		const tls = path.join(config, 'contexts', 'tls', id, 'docker');
		mkdirSync(tls, {recursive: true});
		for (const name of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(tls, name), readFileSync(path.join(other, name)));
		const connection = await connectEngine({context: 'lab', env: {DOCKER_CONFIG: config}});
		assert.equal(connection.description, `context lab (tcp://127.0.0.1:${port})`);
		assert.equal(seenClientCertificates.at(-1), true, 'the context\'s client certificate was presented');
	});
});
