import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import up from '../../source/commands/up.js';
import down from '../../source/commands/down.js';
import {runCommand} from '../helpers/command.js';
import {TEST_IMAGE, testDocker, testName} from '../helpers/engine.js';
import {removeProject} from '../engine/actions/compose/stack.js';

const docker = testDocker();
const projects: string[] = [];
after(async () => Promise.all(projects.map(async p => removeProject(docker, p))));

/** Writes a compose file; returns its path and a fresh project name (cleaned up after). */
function composeFile(text: string): {file: string; project: string} {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-up-cmd-'));
	const file = path.join(dir, 'compose.yaml');
	writeFileSync(file, text);
	const project = testName('upcmd');
	projects.push(project);
	return {file, project};
}

const upFlags = (file: string, project: string, extra: Record<string, unknown> = {}) => ({file: [file], projectName: project, json: false, failFast: false, swarm: false, ...extra});
const created = async (project: string) => (await docker.listContainers({all: true, filters: JSON.stringify({label: [`com.docker.compose.project=${project}`]})})).length;
const running = async (project: string) => (await docker.listContainers({filters: JSON.stringify({label: [`com.docker.compose.project=${project}`]})})).length;

describe('deckhand up', {concurrency: true}, () => {
	it('a dependency cycle exits 2 naming the cycle and file:line, before anything is created', async () => {
		const {file, project} = composeFile(`services:\n  a: {image: ${TEST_IMAGE}, depends_on: [b]}\n  b: {image: ${TEST_IMAGE}, depends_on: [a]}\n`);
		const result = await runCommand(up, [], upFlags(file, project));
		assert.equal(result.code, 2);
		assert.match(result.err, /compose\.yaml:2: dependency cycle: a → b → a/);
		assert.equal(await created(project), 0);
	});

	it('a missing image exits 2 with its line and never pulls', async () => {
		const {file, project} = composeFile('services:\n  a:\n    image: dhtest/not-here:1\n    network_mode: none\n');
		const result = await runCommand(up, [], upFlags(file, project));
		assert.equal(result.code, 2);
		assert.match(result.err, /compose\.yaml:3: image dhtest\/not-here:1 .*not present/);
		assert.equal(await created(project), 0);
	});

	it('a failing healthcheck exits 1 naming the step, the probe, attempts and its last output; dependents never start', async () => {
		const {file, project} = composeFile([
			'services:',
			'  db:',
			`    image: ${TEST_IMAGE}`,
			'    network_mode: none',
			'    stop_signal: SIGKILL',
			'    command: sleep 3600',
			'    healthcheck: {test: "echo not-ready-yet; exit 1", interval: 100ms, retries: 2}',
			'  api:',
			`    image: ${TEST_IMAGE}`,
			'    network_mode: none',
			'    command: sleep 3600',
			'    depends_on: {db: {condition: service_healthy}}',
			'',
		].join('\n'));
		const result = await runCommand(up, [], upFlags(file, project, {failFast: true, timeout: '30s'}));
		assert.equal(result.code, 1, result.err);
		assert.match(result.err, /step ready:db failed/);
		assert.match(result.err, /probe: healthcheck, attempts: \d+/);
		assert.match(result.err, /last output: not-ready-yet/);
		// Every container is created up front (like compose); the failed gate kept api from starting.
		assert.equal(await running(project), 1, 'only db runs: api was never started');
		assert.equal((await runCommand(down, [], {projectName: project, volumes: false, json: false})).code, 0);
		assert.equal(await created(project), 0);
	});

	it('--json prints one event per line and a second up reports every service unchanged', async () => {
		const {file, project} = composeFile(`services:\n  a: {image: ${TEST_IMAGE}, network_mode: none, stop_signal: SIGKILL, command: sleep 3600}\n`);
		assert.equal((await runCommand(up, [], upFlags(file, project))).code, 0);
		const second = await runCommand(up, [], upFlags(file, project, {json: true}));
		assert.equal(second.code, 0);
		const events = second.out.trim().split('\n').map(line => JSON.parse(line) as {type: string; step: string; detail?: string});
		assert.ok(events.some(e => e.step === 'start:a' && e.detail === 'unchanged'));
		assert.ok(events.some(e => e.step === 'ready:a' && e.type === 'ready'));
	});
});
