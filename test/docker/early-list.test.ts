import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {earlyUnixHost, parseContainerList, readCurrentContextCheaply, requestEarlyList} from '../../source/docker/early-list.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../helpers/engine.js';

test('only cheaply known unix sockets are listed early', () => {
	const none = () => undefined;
	assert.equal(earlyUnixHost({host: 'unix:///a.sock'}, {}, none), 'unix:///a.sock');
	assert.equal(earlyUnixHost({}, {DOCKER_HOST: 'unix:///b.sock'}, none), 'unix:///b.sock');
	assert.equal(earlyUnixHost({}, {}, none), 'unix:///var/run/docker.sock');
	assert.equal(earlyUnixHost({}, {DOCKER_CONTEXT: 'default'}, none), 'unix:///var/run/docker.sock');
	assert.equal(earlyUnixHost({}, {DOCKER_HOST: 'tcp://h:2375'}, none), undefined);
	assert.equal(earlyUnixHost({host: 'ssh://u@h'}, {}, none), undefined);
	assert.equal(earlyUnixHost({context: 'prod'}, {}, none), undefined);
	assert.equal(earlyUnixHost({}, {DOCKER_CONTEXT: 'prod'}, none), undefined);
	assert.equal(earlyUnixHost({}, {}, () => 'remote'), undefined);
	assert.equal(earlyUnixHost({host: 'unix:///a', context: 'x'}, {}, none), undefined);
});

test('the current context is read from DOCKER_CONFIG/config.json', () => {
	const directory = mkdtempSync(join(tmpdir(), 'dhtest-early-'));
	try {
		assert.equal(readCurrentContextCheaply({DOCKER_CONFIG: directory}), undefined);
		writeFileSync(join(directory, 'config.json'), '{"currentContext":"prod"}');
		assert.equal(readCurrentContextCheaply({DOCKER_CONFIG: directory}), 'prod');
		writeFileSync(join(directory, 'config.json'), '{not json');
		assert.equal(readCurrentContextCheaply({DOCKER_CONFIG: directory}), '?');
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
});

test('a listing parses only from a 200 with an array of containers', () => {
	assert.deepEqual(parseContainerList(200, '[{"Id":"a","State":"running"}]'), [{Id: 'a', State: 'running'}]);
	assert.equal(parseContainerList(500, '[]'), undefined);
	assert.equal(parseContainerList(200, '{"message":"x"}'), undefined);
	assert.equal(parseContainerList(200, '[{"Id":1}]'), undefined);
	assert.equal(parseContainerList(200, 'nope'), undefined);
});

const docker = testDocker();
const run = newRun();
after(async () => removeTestObjects(docker, run));

test('the early request lists the real engine, and yields undefined where no engine is', async () => {
	const name = testName('early');
	await startTestContainer(docker, run, name);
	const listed = await requestEarlyList(testHost());
	assert.ok(listed?.containers.some(container => container.Names?.includes(`/${name}`)));
	assert.equal(await requestEarlyList('unix:///nonexistent/deckhand-early.sock'), undefined);
});
