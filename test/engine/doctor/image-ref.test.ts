import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {dataStoreOf, parseImageRef, unpinnedReason} from '../../../source/engine/doctor/image-ref.js';

describe('image references', () => {
	it('splits registry ports, tags and digests correctly', () => {
		assert.deepEqual(parseImageRef('registry.local:5000/team/app'), {repository: 'registry.local:5000/team/app', name: 'app', tag: undefined, digest: undefined});
		assert.deepEqual(parseImageRef('postgres:16.4@sha256:abc'), {repository: 'postgres', name: 'postgres', tag: '16.4', digest: 'sha256:abc'});
	});
	it('says why a reference is unpinned', () => {
		assert.deepEqual(['nginx', 'nginx:latest', 'nginx:1.27', 'nginx@sha256:abc', 'nginx:latest@sha256:abc', 'host:5000/x'].map(unpinnedReason), ['untagged', 'latest', undefined, undefined, undefined, 'untagged']);
	});
	it('knows databases and caches by repository name, not by substring', () => {
		assert.deepEqual(dataStoreOf('docker.io/library/postgres:16'), {name: 'postgres', dataDir: '/var/lib/postgresql/data'});
		assert.deepEqual(dataStoreOf('bitnami/redis:7'), {name: 'redis', dataDir: '/data'});
		assert.deepEqual(dataStoreOf('memcached:1.6'), {name: 'memcached', dataDir: undefined});
		assert.equal(dataStoreOf('my-postgres-backup:1'), undefined);
		assert.equal(dataStoreOf('nginx:1.27'), undefined);
	});
});
