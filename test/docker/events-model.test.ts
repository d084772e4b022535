import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import Docker from 'dockerode';
import {dockerPorts} from '../../source/docker/ports.js';
import {startLiveModel} from '../../source/engine/live/model-source.js';
import type {ModelSnapshot} from '../../source/engine/model/types.js';
import {newRun, removeTestObjects, TEST_LABEL, testContainerOptions, testDocker, testHost, testName} from '../helpers/engine.js';
import {waitForSnapshot} from './events-wait.js';

const docker = testDocker();
const run = newRun();
after(() => removeTestObjects(docker, run));

/** A separate client for the model whose list calls are counted: the model must list once, then follow events. */
function countingClient() {
	const client = new Docker({socketPath: testHost().replace(/^unix:\/\//, '')});
	let lists = 0;
	const list = client.listContainers.bind(client);
	client.listContainers = (async (options?: object) => {
		lists++;
		return list(options as never);
	}) as unknown as typeof client.listContainers;
	return {client, lists: () => lists};
}

type Row = {id: string; name: string; state: string; exitCode: number | null};

const fromModel = (snapshot: ModelSnapshot): Row[] =>
	Object.values(snapshot.state.containers)
		.filter(container => container.labels[TEST_LABEL] === run)
		.map(container => ({id: container.id, name: container.name, state: container.state, exitCode: container.exitCode}))
		.sort((a, b) => a.id.localeCompare(b.id));

async function fromDockerPs(): Promise<Row[]> {
	const listed = await docker.listContainers({all: true, filters: JSON.stringify({label: [`${TEST_LABEL}=${run}`]})});
	return listed
		.map(entry => ({id: entry.Id, name: entry.Names[0]!.replace(/^\//, ''), state: entry.State, exitCode: entry.State === 'exited' ? Number(/\((-?\d+)\)/.exec(entry.Status)?.[1]) : null}))
		.sort((a, b) => a.id.localeCompare(b.id));
}

describe('live model against the real engine', () => {
	it('equals `docker ps -a` after 30 containers are quickly created, started, stopped, killed and removed', async context => {
		const {client, lists} = countingClient();
		const destroyed = new Set<string>();
		const model = startLiveModel(dockerPorts(client), {intervalMs: 100, onEvent: event => event.action === 'destroy' && destroyed.add(event.id)});
		try {
			await model.ready;
			assert.equal(model.current().connection, 'connected');
			const t0 = performance.now();
			const containers = await Promise.all(
				Array.from({length: 30}, async (_, index) => {
					const container = await docker.createContainer(testContainerOptions(run, testName(`model${index}`), {Labels: {'com.docker.compose.project': `dh-${run}`, 'com.docker.compose.service': `svc${index % 3}`}}));
					if (index % 6 !== 5) await container.start();
					return container;
				}),
			);
			await Promise.all(
				containers.map(async (container, index) => {
					if (index % 6 === 0) await container.stop({t: 1});
					if (index % 6 === 1) await container.kill();
					if (index % 6 === 2) await container.remove({force: true});
					if (index % 6 === 3) {
						await container.kill();
						await container.start();
					}
					if (index % 6 === 4) await container.rename({name: testName(`renamed${index}`)});
				}),
			);
			const operationsDone = performance.now();
			const expected = await fromDockerPs();
			assert.equal(expected.length, 25, 'five were removed');
			const seen = await waitForSnapshot(model, snapshot => JSON.stringify(fromModel(snapshot)) === JSON.stringify(expected), 30_000, snapshot => JSON.stringify({model: fromModel(snapshot), ps: expected}));
			context.diagnostic(`engine operations ${Math.round(operationsDone - t0)} ms; model matched docker ps ${Math.round(performance.now() - operationsDone)} ms later`);
			assert.deepEqual(fromModel(seen), expected);
			assert.deepEqual(new Set(expected.map(row => row.state)), new Set(['running', 'exited', 'created']));
			// Grouping labels arrived with the containers.
			const one = Object.values(seen.state.containers).find(container => container.labels[TEST_LABEL] === run)!;
			assert.equal(one.project, `dh-${run}`);
			assert.equal(lists(), 1, 'one listing, then events only');
			const removed = containers.filter((_, index) => index % 6 === 2).map(container => container.id);
			assert.ok(removed.every(id => destroyed.has(id)), 'onEvent saw every destroy');
		} finally {
			model.close();
		}
	});
});
