import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {startLiveModel} from '../../source/engine/live/model-source.js';
import type {ModelSnapshot} from '../../source/engine/model/types.js';
import {waitForSnapshot} from './events-wait.js';

/** A daemon double: event streams the test writes into, a listing that can fail, inspect answers. */
function fakeDaemon(failListings: number) {
	const streams: PassThrough[] = [];
	let listings = 0;
	const docker = {
		getEvents: async () => {
			const stream = new PassThrough();
			streams.push(stream);
			return stream;
		},
		listContainers: async () => {
			if (listings++ < failListings) throw new Error('daemon busy');
			return [{Id: 'c1', Names: ['/one'], Image: 'busybox', State: 'exited', Status: 'Exited (0) 1 second ago', Labels: {}, Created: 1}];
		},
		info: async () => ({Swarm: {LocalNodeState: 'inactive'}}),
		getContainer: (id: string) => ({
			inspect: async () => ({Id: id, Name: `/${id}`, Created: '1970-01-01T00:00:01Z', Config: {Image: 'busybox', Labels: {}}, State: {Status: 'running', StartedAt: '1970-01-01T00:00:02Z'}}),
		}),
	} as unknown as Docker;
	return {docker, streams, listings: () => listings};
}

const line = (action: string, id: string) => `${JSON.stringify({Type: 'container', Action: action, Actor: {ID: id, Attributes: {name: id, image: 'busybox'}}, time: 2})}\n`;

describe('live model wiring (daemon double)', () => {
	it('closes the stream of a failed sync, retries, then applies events split across chunks', async () => {
		const daemon = fakeDaemon(1);
		const snapshots: ModelSnapshot[] = [];
		const model = startLiveModel(dockerPorts(daemon.docker), {intervalMs: 20, reconnectCapMs: 50});
		model.subscribe(snapshot => snapshots.push(snapshot));
		try {
			await model.ready;
			assert.equal(daemon.listings(), 2);
			assert.equal(daemon.streams.length, 2);
			assert.equal(daemon.streams[0]!.destroyed, true, 'the first attempt\'s stream was closed');
			assert.ok(snapshots.some(snapshot => snapshot.connection === 'reconnecting' && snapshot.lastError === 'daemon busy'));
			const text = line('create', 'c2') + line('start', 'c2') + line('destroy', 'c1');
			const stream = daemon.streams[1]!;
			for (let offset = 0; offset < text.length; offset += 7) stream.write(text.slice(offset, offset + 7));
			const done = await waitForSnapshot(model, snapshot => snapshot.state.containers.c2?.state === 'running' && snapshot.state.containers.c1 === undefined && snapshot.state.containers.c2.startedAt === 2000, 5000, snapshot => JSON.stringify(snapshot.state.containers));
			assert.equal(done.connection, 'connected');
			// Dropping the stream means reconnecting, then a fresh listing.
			stream.end();
			await waitForSnapshot(model, () => daemon.listings() === 3 && model.current().connection === 'connected', 5000, snapshot => `connection ${snapshot.connection}, listings ${daemon.listings()}`);
			assert.deepEqual(Object.keys(model.current().state.containers), ['c1'], 'resynced from the new listing');
		} finally {
			model.close();
		}
		await waitForSnapshot(model, snapshot => snapshot.connection === 'disconnected', 2000, snapshot => snapshot.connection);
		assert.ok(daemon.streams.every(stream => stream.destroyed), 'close() ends every stream');
	});

	it('coalesces a burst of events into few notifications', async () => {
		const daemon = fakeDaemon(0);
		let notifications = 0;
		const model = startLiveModel(dockerPorts(daemon.docker), {intervalMs: 200});
		model.subscribe(() => notifications++);
		try {
			await model.ready;
			await waitForSnapshot(model, snapshot => snapshot.connection === 'connected', 2000, snapshot => snapshot.connection);
			const before = notifications;
			const started = Date.now();
			let burst = '';
			for (let index = 0; index < 200; index++) burst += line('create', `n${index}`) + line('die', `n${index}`);
			daemon.streams[0]!.write(burst);
			await waitForSnapshot(model, snapshot => Object.keys(snapshot.state.containers).length === 201 && Object.values(snapshot.state.containers).every(container => container.id === 'c1' || container.state === 'running'), 5000, snapshot => `${Object.keys(snapshot.state.containers).length} containers`);
			const elapsed = Date.now() - started;
			// 400 events and 200 inspects: at most one notification per 200 ms, plus the leading one.
			assert.ok(notifications - before <= Math.ceil(elapsed / 200) + 1, `${notifications - before} notifications in ${elapsed} ms`);
		} finally {
			model.close();
		}
	});
});
