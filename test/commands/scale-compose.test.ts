import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import scale from '../../source/commands/scale.js';
import up from '../../source/commands/up.js';
import {runCommand} from '../helpers/command.js';
import {TEST_IMAGE, testDocker, testName} from '../helpers/engine.js';
import {removeProject} from '../engine/actions/compose/stack.js';

const docker = testDocker();
const projects: string[] = [];
after(async () => Promise.all(projects.map(async p => removeProject(docker, p))));

/**
 * A project with one service named `service` (unique per test, so another test's `web` on the
 * shared engine never makes the name ambiguous), healthy 500 ms after start, `replicas` of it.
 */
async function upStack(service: string, replicas: number) {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-scale-cmd-'));
	const file = path.join(dir, 'compose.yaml');
	writeFileSync(file, [
		'services:',
		`  ${service}:`,
		`    image: ${TEST_IMAGE}`,
		'    network_mode: none',
		'    stop_signal: SIGKILL',
		'    command: sh -c "sleep 0.5; touch /tmp/ok; exec sleep 3600"',
		'    healthcheck: {test: [CMD, test, -f, /tmp/ok], interval: 100ms, retries: 600}',
		`    deploy: {replicas: ${replicas}}`,
		'',
	].join('\n'));
	const project = testName('scalecmd');
	projects.push(project);
	const result = await runCommand(up, [], {file: [file], projectName: project, json: false, failFast: false, swarm: false, timeout: '60s'});
	assert.equal(result.code, 0, result.err);
	return project;
}

/** number → health of the service's containers. */
async function healthOf(project: string, service: string): Promise<Record<string, string | undefined>> {
	const listed = await docker.listContainers({all: true, filters: JSON.stringify({label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`]})});
	const inspected = await Promise.all(listed.map(async c => docker.getContainer(c.Id).inspect()));
	return Object.fromEntries(inspected.map(info => [info.Config.Labels['com.docker.compose.container-number']!, info.State.Health?.Status]));
}

const scaleFlags = (extra: Record<string, unknown> = {}) => ({wait: true, json: false, timeout: '60s', ...extra});

describe('deckhand scale on compose services', {concurrency: true}, () => {
	it('up runs deploy.replicas: 2 healthy; scale web=3 returns once the new one is healthy; web=1 leaves number 1', async () => {
		const service = `web${randomBytes(3).toString('hex')}`;
		const project = await upStack(service, 2);
		assert.deepEqual(await healthOf(project, service), {1: 'healthy', 2: 'healthy'});

		const three = await runCommand(scale, [`${service}=3`], scaleFlags());
		assert.equal(three.code, 0, three.err);
		assert.match(three.out, new RegExp(`^✔ ${project}/${service} scaled to 3, ready in \\d`));
		// Health-gated: the new replica needs 500 ms to turn healthy, and it already is.
		assert.deepEqual(await healthOf(project, service), {1: 'healthy', 2: 'healthy', 3: 'healthy'});

		const one = await runCommand(scale, [`${service}=1`], scaleFlags({projectName: project, json: true}));
		assert.equal(one.code, 0, one.err);
		// The operations table's progress events, one JSON object per line, ending in the ready step.
		const events = one.out.trim().split('\n').map(line => JSON.parse(line) as {kind: string; type?: string; phase?: string});
		assert.ok(events.some(e => e.phase === 'removed'), `removal steps reported: ${one.out}`);
		assert.equal(events.filter(e => e.type === 'ready').at(-1)?.phase, 'scaled to 1, ready');
		assert.deepEqual(await healthOf(project, service), {1: 'healthy'});
	});

	it('a name in two projects is exit 2 naming both, and nothing changes; -p or PROJECT/SERVICE picks one', async () => {
		const service = `api${randomBytes(3).toString('hex')}`;
		const [a, b] = await Promise.all([upStack(service, 1), upStack(service, 1)]);
		const ambiguous = await runCommand(scale, [`${service}=2`], scaleFlags());
		assert.equal(ambiguous.code, 2);
		assert.match(ambiguous.err, new RegExp(`service ${service} exists in several compose projects \\(${[a, b].sort().join(', ')}\\); pass -p PROJECT`));
		assert.deepEqual([await healthOf(a!, service), await healthOf(b!, service)], [{1: 'healthy'}, {1: 'healthy'}]);

		const picked = await runCommand(scale, [`${b}/${service}=2`], scaleFlags());
		assert.equal(picked.code, 0, picked.err);
		assert.deepEqual([await healthOf(a!, service), await healthOf(b!, service)], [{1: 'healthy'}, {1: 'healthy', 2: 'healthy'}]);
	});

	it('an unknown service or project is exit 2', async () => {
		const unknown = await runCommand(scale, [`${testName('nosvc')}=2`], scaleFlags());
		assert.equal(unknown.code, 2);
		const noProject = await runCommand(scale, [`${testName('noproj')}/web=2`], scaleFlags());
		assert.equal(noProject.code, 2);
		assert.match(noProject.err, /no compose service web in project dhtest-noproj-/);
	});
});
