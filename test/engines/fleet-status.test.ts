/**
 * `deckhand status --json` over several engines: the shared private engine plus a second
 * private dockerd of this file's own (scripts/engine.sh, own directory, no Swarm). Both are
 * listed with their labelled containers; an unreachable host is reported, not fatal; none
 * reachable is exit 3; one engine keeps the single-engine format.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost} from '../helpers/engine.js';
import {deckhand} from '../fixtures/deploy/cli.js';
import {engineScript} from './scripts.js';

const directory = '/tmp/deckhand-fleet-status-engine';
const second = engineScript('scripts/engine.sh', {DECKHAND_ENGINE_DIR: directory, DECKHAND_NO_SWARM: '1'});
const secondHost = `unix://${directory}/docker.sock`;
const missingHost = 'unix:///tmp/deckhand-fleet-status-missing/docker.sock';
const run = newRun();
const nameA = `dhtest-fleet-a-${run}`;
const nameB = `dhtest-fleet-b-${run}`;
const secondDocker = new Docker({socketPath: `${directory}/docker.sock`});

type Engine = {name: string; host: string; state: string; error?: string; projects?: Array<{services: Array<{name: string}>}>};
const serviceNames = (engine: Engine | undefined) => (engine?.projects ?? []).flatMap(project => project.services.map(service => service.name));

before(async () => {
	await second.start();
	await Promise.all([startTestContainer(testDocker(), run, nameA), startTestContainer(secondDocker, run, nameB)]);
});
after(async () => {
	await Promise.all([removeTestObjects(testDocker(), run), removeTestObjects(secondDocker, run).catch(() => undefined)]);
	await second.stop();
});

describe('status --json over several engines', () => {
	it('lists both engines, each with its own labelled containers', async () => {
		const result = await deckhand(['status', '--json', '--no-stats', '--host', testHost(), '--host', secondHost]);
		assert.equal(result.exitCode, 0, result.stderr);
		const {engines} = JSON.parse(result.stdout) as {engines: Engine[]};
		assert.deepEqual(engines.map(engine => [engine.name, engine.state]), [[testHost(), 'connected'], [secondHost, 'connected']]);
		assert.ok(serviceNames(engines[0]).includes(nameA) && !serviceNames(engines[0]).includes(nameB), 'engine A has its container only');
		assert.ok(serviceNames(engines[1]).includes(nameB) && !serviceNames(engines[1]).includes(nameA), 'engine B has its container only');
	});

	it('reports an unreachable host and still lists the other (exit 0)', async () => {
		const result = await deckhand(['status', '--json', '--no-stats', '--host', missingHost, '--host', secondHost]);
		assert.equal(result.exitCode, 0, result.stderr);
		const {engines} = JSON.parse(result.stdout) as {engines: Engine[]};
		assert.equal(engines[0]!.state, 'unreachable');
		assert.ok(engines[0]!.error, 'the unreachable engine says why');
		assert.equal(engines[0]!.projects, undefined);
		assert.equal(engines[1]!.state, 'connected');
		assert.ok(serviceNames(engines[1]).includes(nameB));
	});

	it('exits 3 naming each engine when none answers', async () => {
		const result = await deckhand(['status', '--json', '--host', missingHost, '--host', `${missingHost}2`]);
		assert.equal(result.exitCode, 3);
		assert.match(result.stderr, /no engine reachable/);
		assert.ok(result.stderr.includes(`${missingHost}2`));
	});

	it('keeps the single-engine format with one --host, and other commands refuse several', async () => {
		const result = await deckhand(['status', '--json', '--no-stats', '--host', secondHost]);
		assert.equal(result.exitCode, 0, result.stderr);
		const parsed = JSON.parse(result.stdout) as {engines?: unknown; swarmActive: boolean};
		assert.equal(parsed.engines, undefined);
		assert.equal(parsed.swarmActive, false);
		const refused = await deckhand(['restart', 'x', '--host', testHost(), '--host', secondHost]);
		assert.equal(refused.exitCode, 2);
		assert.match(refused.stderr, /takes one --host/);
	});
});
