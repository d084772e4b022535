/**
 * Several engines merged into one console view, and the rows the lists draw from it: pure
 * reducers tested by equality (fleet-merge.ts, fleet-rows.ts, engine-names.ts).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fleetEngineState, mergeFleet, taggedEvent, type FleetMember} from '../../../source/ui/data/fleet-merge.js';
import {shortEngineNames, shortHostName} from '../../../source/ui/data/engine-names.js';
import {engineRow, engineSlice, fleetPanelRows} from '../../../source/ui/view/fleet-rows.js';
import {panelRows} from '../../../source/ui/view/rows.js';
import type {ConsoleView, ContainerView} from '../../../source/ui/view/types.js';

const container = (id: string, name: string, extra: Partial<ContainerView> = {}): ContainerView => ({id, name, image: 'busybox', state: 'running', health: 'none', ...extra});

const engineView = (containers: ContainerView[], extra: Partial<ConsoleView> = {}): ConsoleView => ({
	engine: {description: 'unix:///a.sock', mode: 'host', version: '20.10.24', swarm: 'inactive'},
	connection: {state: 'connected'},
	services: [], containers, images: [{id: 'sha256:1', name: 'busybox', detail: '1M'}], volumes: [], networks: [], events: [],
	...extra,
});

const a: FleetMember = {
	name: 'a',
	everConnected: true,
	view: engineView(
		[container('a1', 'web', {project: 'shop', service: 'web'}), container('a2', 'sick', {health: 'unhealthy'})],
		{services: [{project: 'shop', name: 'web', containerIds: ['a1'], running: 1, desired: 1, health: 'none', state: 'running'}], events: ['12:00:02 container start web']},
	),
};
const b: FleetMember = {
	name: 'b',
	everConnected: false,
	view: engineView([container('b1', 'solo')], {engine: {description: 'unix:///b.sock'}, connection: {state: 'reconnecting', detail: 'connect ECONNREFUSED'}, events: ['12:00:01 container die solo']}),
};

describe('mergeFleet', () => {
	it('tags every row with its engine, keeps the engines in order, and counts containers and unhealthy ones per engine', () => {
		const merged = mergeFleet([a, b]);
		assert.deepEqual(merged.containers.map(entry => [entry.id, entry.engine]), [['a1', 'a'], ['a2', 'a'], ['b1', 'b']]);
		assert.deepEqual(merged.services.map(entry => [entry.name, entry.engine]), [['web', 'a']]);
		assert.deepEqual(merged.images.map(entry => entry.engine), ['a', 'b']);
		assert.deepEqual(merged.engines, [
			{name: 'a', description: 'unix:///a.sock', state: 'connected', mode: 'host', version: '20.10.24', swarm: 'inactive', containers: 2, unhealthy: 1},
			{name: 'b', description: 'unix:///b.sock', state: 'unreachable', detail: 'connect ECONNREFUSED', containers: 1, unhealthy: 0},
		]);
	});

	it('interleaves the engines\' events by time, each naming its engine', () => {
		assert.deepEqual(mergeFleet([a, b]).events, ['12:00:01 @b container die solo', '12:00:02 @a container start web']);
		assert.equal(taggedEvent('x', 'no time'), '@x no time');
	});

	it('says unreachable for an engine that never answered, reconnecting for one that did and went away', () => {
		assert.equal(fleetEngineState({state: 'connecting'}, false), 'connecting');
		assert.equal(fleetEngineState({state: 'reconnecting', detail: 'ENOENT'}, false), 'unreachable');
		assert.equal(fleetEngineState({state: 'reconnecting', detail: 'event stream ended'}, true), 'reconnecting');
		assert.equal(fleetEngineState({state: 'silent', since: 5}, true), 'silent');
		assert.equal(fleetEngineState({state: 'connected'}, true), 'connected');
	});
});

describe('fleetPanelRows', () => {
	const merged = mergeFleet([a, b]);

	it('with one engine is panelRows itself', () => {
		const single = engineView([container('a1', 'web')]);
		assert.deepEqual(fleetPanelRows(single, 'containers', '', {now: 0}), panelRows(single, 'containers', '', {now: 0}));
		assert.deepEqual(fleetPanelRows({...single, engines: [mergeFleet([a]).engines![0]!]}, 'engine'), []);
	});

	it('grouped: every engine under its heading, each group exactly that engine\'s rows, keys and targets naming the engine', () => {
		const rows = fleetPanelRows(merged, 'containers', '', {now: 0, sort: 'name'});
		assert.deepEqual(rows.map(row => [row.key, row.label, row.heading ?? false, row.target?.engine]), [
			['containers-engine:a', '@a', true, undefined],
			['a|container:a2', 'sick', false, 'a'],
			['containers-engine:b', '@b', true, undefined],
			['b|container:b1', 'solo', false, 'b'],
		]);
		const own = panelRows(engineSlice(merged, 'a'), 'containers', '', {now: 0, sort: 'name'});
		assert.deepEqual(rows.slice(1, 2).map(row => row.columns), own.map(row => row.columns));
	});

	it('grouped, problems first: the engine with the most urgent container leads', () => {
		const calm = {...a, view: {...a.view, containers: [container('a9', 'calm')]}};
		const sick = {...b, view: {...b.view, containers: [container('b9', 'dying', {health: 'unhealthy'})]}};
		const headings = (options: Parameters<typeof fleetPanelRows>[3]) => fleetPanelRows(mergeFleet([calm, sick]), 'containers', '', options).filter(row => row.heading).map(row => row.label);
		assert.deepEqual(headings({now: 0}), ['@b', '@a']);
		assert.deepEqual(headings({now: 0, sort: 'name'}), ['@a', '@b']);
	});

	it('filtered: only the selected engine, no headings; an engine with no rows shows none', () => {
		assert.deepEqual(fleetPanelRows(merged, 'containers', '', {now: 0, layout: 'filtered', engine: 'b'}).map(row => row.key), ['b|container:b1']);
		assert.deepEqual(fleetPanelRows(merged, 'services', '', {now: 0, layout: 'filtered', engine: 'b'}), []);
		assert.deepEqual(fleetPanelRows(merged, 'services', '', {now: 0}).map(row => row.key), ['services-engine:a', 'a|project:shop', 'a|service:shop/web']);
	});

	it('lists one Engines row per engine with its state and counts', () => {
		assert.deepEqual(fleetPanelRows(merged, 'engine').map(row => [row.key, row.glyph, row.label]), [
			['engine:a', '●', 'a connected 2c 1✗ v20.10.24 host'],
			['engine:b', '✗', 'b unreachable 1c v? ?'],
		]);
		assert.deepEqual(engineRow(merged.engines![1]!).target, {kind: 'resource', id: 'b', name: 'b'});
	});
});

describe('engine names from flags', () => {
	it('shortens host URLs and keeps names that would clash', () => {
		assert.equal(shortHostName('ssh://ops@db1:2222'), 'db1:2222');
		assert.equal(shortHostName('tcp://10.0.0.5:2376'), '10.0.0.5:2376');
		assert.equal(shortHostName('unix:///tmp/dh-b/docker.sock'), 'dh-b');
		assert.equal(shortHostName('unix:///run/other.sock'), 'other.sock');
		assert.deepEqual(shortEngineNames([{name: 'unix:///x/docker.sock', host: 'unix:///x/docker.sock'}, {name: 'prod', context: 'prod'}]), [{name: 'x', host: 'unix:///x/docker.sock'}, {name: 'prod', context: 'prod'}]);
		const clash = [{name: 'unix:///a/x/docker.sock', host: 'unix:///a/x/docker.sock'}, {name: 'unix:///b/x/docker.sock', host: 'unix:///b/x/docker.sock'}];
		assert.deepEqual(shortEngineNames(clash), clash);
	});
});
