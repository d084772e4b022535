import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {describe, it} from 'node:test';
import {createConnection} from '../../source/docker/client.js';
import {DockerClient} from '../../source/docker/dockerode.js';
import {freePort} from '../helpers/ports.js';

const require = createRequire(import.meta.url);
const ssh2Loaded = () => Object.keys(require.cache).some(path => path.includes('/node_modules/ssh2/'));

describe('dockerode with the ssh transport deferred', () => {
	it('loads without ssh2; an ssh:// engine loads the real transport on its first request', async () => {
		assert.equal(ssh2Loaded(), false, 'ssh2 was loaded with dockerode');
		// A unix-socket client never needs it.
		await assert.rejects(new DockerClient({socketPath: '/nonexistent/deckhand.sock'}).ping(), /ENOENT/);
		assert.equal(ssh2Loaded(), false, 'a unix-socket request loaded ssh2');
		// Nothing listens there: the kernel picked it and it was closed again.
		const port = await freePort();
		const {docker} = createConnection({host: `ssh://nobody@127.0.0.1:${port}`, env: {}, homeDirectory: '/nonexistent'});
		// ssh2 itself dials 127.0.0.1:port and is refused: the stand-in handed over to it.
		await assert.rejects(docker.ping(), /ECONNREFUSED 127\.0\.0\.1/);
		assert.equal(ssh2Loaded(), true, 'the ssh request did not load ssh2');
	});
});
