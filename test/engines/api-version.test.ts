/**
 * API version pinning: the negotiation (pure), the facts of `/_ping` headers (pure), a
 * recording stand-in engine on a unix socket that proves every request after the ping carries
 * the negotiated `/v1.NN` prefix, the private engine (API 1.41) pinned to v1.41, and the
 * container list's own `Health` (API 1.52) preferred over the Status text.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {connectEngine, maxApiVersion, negotiateApiVersion, pingFactsFromHeaders} from '../../source/docker/client.js';
import {containerFromList} from '../../source/engine/model/convert.js';
import {testHost} from '../helpers/engine.js';

describe('API version negotiation', () => {
	it('takes the older of the engine’s and deckhand’s versions, numerically', () => {
		assert.equal(negotiateApiVersion('1.41'), '1.41');
		assert.equal(negotiateApiVersion('1.9', '1.41'), '1.9');
		assert.equal(negotiateApiVersion('1.100', '1.52'), '1.52');
		assert.equal(negotiateApiVersion('1.52', '1.52'), '1.52');
		assert.equal(negotiateApiVersion('2.0', '1.52'), '1.52');
		assert.equal(negotiateApiVersion(undefined), undefined);
		assert.equal(negotiateApiVersion('4.3.1'), undefined, 'a libpod version is not a Docker API version');
	});

	it('reads Api-Version, Swarm, Server and Libpod-Api-Version from /_ping headers', () => {
		assert.deepEqual(pingFactsFromHeaders({'api-version': '1.47', swarm: 'active/manager', server: 'Docker/27.3.1 (linux)'}), {
			apiVersion: '1.47',
			pinnedVersion: '1.47',
			swarm: 'active/manager',
			server: 'Docker/27.3.1 (linux)',
		});
		assert.deepEqual(pingFactsFromHeaders({'api-version': '1.41', server: 'Libpod/4.3.1 (linux)', 'libpod-api-version': '4.3.1'}), {
			apiVersion: '1.41',
			pinnedVersion: '1.41',
			server: 'Libpod/4.3.1 (linux)',
			libpodVersion: '4.3.1',
		});
		assert.deepEqual(pingFactsFromHeaders({}), {});
	});
});

describe('pinned requests', () => {
	const directory = mkdtempSync(join(tmpdir(), 'deckhand-api-'));
	const servers: Server[] = [];
	after(() => {
		for (const server of servers) server.close();
		rmSync(directory, {recursive: true, force: true});
	});

	/** A stand-in engine answering `/_ping` with `headers` and `[]` to anything else, recording paths. */
	async function standIn(name: string, headers: Record<string, string>): Promise<{host: string; paths: string[]}> {
		const paths: string[] = [];
		const socket = join(directory, `${name}.sock`);
		const server = createServer((request, response) => {
			paths.push(request.url!);
			if (request.url === '/_ping') response.writeHead(200, {'Content-Type': 'text/plain', ...headers}).end('OK');
			else response.writeHead(200, {'Content-Type': 'application/json'}).end('[]');
		});
		servers.push(server);
		await new Promise<void>(resolve => server.listen(socket, resolve));
		return {host: `unix://${socket}`, paths};
	}

	it('an engine newer than deckhand is spoken to at deckhand’s newest version', async () => {
		const engine = await standIn('new', {'Api-Version': '1.99', Swarm: 'inactive'});
		const connection = await connectEngine({host: engine.host, env: {}});
		await connection.docker.listContainers({all: true});
		assert.deepEqual(engine.paths, ['/_ping', `/v${maxApiVersion}/containers/json?all=true`]);
		assert.equal(connection.ping?.swarm, 'inactive');
	});

	it('an older engine is spoken to at its own version', async () => {
		const engine = await standIn('old', {'Api-Version': '1.41'});
		const connection = await connectEngine({host: engine.host, env: {}});
		await connection.docker.listContainers();
		assert.deepEqual(engine.paths, ['/_ping', '/v1.41/containers/json']);
	});

	it('an engine that names no version is left unversioned rather than guessed at', async () => {
		const engine = await standIn('none', {});
		const connection = await connectEngine({host: engine.host, env: {}});
		await connection.docker.listContainers();
		assert.deepEqual(engine.paths, ['/_ping', '/containers/json']);
	});

	it('the private engine (Docker 20.10, API 1.41) is pinned to v1.41 and answers there', async () => {
		const connection = await connectEngine({host: testHost(), env: {}});
		assert.equal(connection.ping?.apiVersion, '1.41');
		assert.equal((connection.docker.modem as {version?: string}).version, 'v1.41');
		assert.ok(Array.isArray(await connection.docker.listContainers({all: true})));
		assert.equal((await connection.docker.version()).ApiVersion, '1.41');
	});
});

describe('health in the container list (API 1.52)', () => {
	const entry = {Id: 'a'.repeat(64), Names: ['/web'], Image: 'busybox', State: 'running', Created: 1, Labels: {}};
	it('prefers the listed Health over the Status text, and still reads the text on older engines', () => {
		assert.equal(containerFromList({...entry, Status: 'Up 2 minutes', Health: {Status: 'unhealthy'}}).health, 'unhealthy');
		assert.equal(containerFromList({...entry, Status: 'Up 2 minutes', Health: {Status: 'unhealthy'}}).healthcheck, true);
		assert.equal(containerFromList({...entry, Status: 'Up 2 minutes (healthy)'}).health, 'healthy');
		assert.equal(containerFromList({...entry, Status: 'Up 2 minutes', Health: {Status: 'none'}}).health, 'none');
		assert.equal(containerFromList({...entry, Status: 'Up 2 minutes', Health: {Status: 'none'}}).healthcheck, false);
	});
});
