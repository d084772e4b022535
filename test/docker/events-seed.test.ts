import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import type Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {startLiveModel} from '../../source/engine/live/model-source.js';

test('a seeded live model shows the seed at once, lists nothing, and replays events since the seed', async () => {
	let listings = 0;
	const eventOptions: unknown[] = [];
	const daemon = {
		getEvents: async (options: unknown) => {
			eventOptions.push(options);
			return new PassThrough();
		},
		listContainers: async () => {
			listings++;
			return [];
		},
		info: async () => ({Swarm: {LocalNodeState: 'inactive'}}),
		getContainer: (id: string) => ({
			inspect: async () => ({Id: id, Name: `/${id}`, Created: '1970-01-01T00:00:01Z', Config: {Image: 'busybox', Labels: {}}, State: {Status: 'running', StartedAt: '1970-01-01T00:00:02Z'}}),
		}),
	} as unknown as Docker;
	const seed = {sentAtMs: 1_700_000_000_000, containers: [{Id: 'c1', Names: ['/one'], Image: 'busybox', State: 'running', Status: 'Up 1 second', Labels: {}, Created: 1}]};
	const model = startLiveModel(dockerPorts(daemon), {intervalMs: 10, seed});
	try {
		assert.equal(model.current().state.containers.c1?.name, 'one');
		await model.ready;
		assert.equal(listings, 0);
		assert.equal(model.current().connection, 'connected');
		assert.equal(model.current().state.containers.c1?.state, 'running');
		assert.equal((eventOptions[0] as {since?: string}).since, '1699999999.000');
	} finally {
		model.close();
	}
});
