/**
 * A bounded fuzz test: hostile compose files (alias bombs, deep nesting, wrong types, odd
 * names, huge files, special files) fed to `up`, `down` and `doctor` through dist/cli.js.
 * Every case must be exit 2, exactly one line on stderr, no stack, and nothing may be created
 * on the engine. Fixed seed, so a failure names a case that reproduces.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {execa} from 'execa';
import {isTerminalSafe} from '../source/engine/text/sanitize.js';
import {newRun, testDocker, testHost} from './helpers/engine.js';

const seed = Number(process.env.DECKHAND_FUZZ_SEED ?? 12);
const caseCount = Number(process.env.DECKHAND_FUZZ_CASES ?? 48);
// Another build can be checked against the same cases (e.g. an older dist, to see them fail).
const cliPath = path.resolve(process.env.DECKHAND_FUZZ_CLI ?? 'dist/cli.js');
const docker = testDocker();
const project = `dhtest-fuzz-${newRun()}`;
const root = mkdtempSync(path.join(tmpdir(), 'dh-fuzz-'));
after(() => rmSync(root, {recursive: true, force: true}));

/** mulberry32: a small deterministic PRNG. */
function random(state: number): () => number {
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Special = 'fifo' | 'directory' | 'zero-link';
type Case = {readonly name: string; readonly files: Record<string, string | Special>; readonly compose: string; readonly extra?: readonly string[]};

const image = 'deckhand-test/busybox:1';
const service = (lines: readonly string[], name = 'app') => `services:\n  ${JSON.stringify(name)}:\n    image: ${image}\n    command: [sleep, "60"]\n${lines.map(line => `    ${line}`).join('\n')}\n`;

const wrongValues: readonly string[] = [
	'deploy: {replicas: many}', 'deploy: {replicas: -1}', 'deploy: {replicas: 1.5}', 'deploy: {replicas: 99999999999999999999}',
	'depends_on: 7', 'depends_on: true', 'depends_on: [1]',
	'environment: 3', 'environment: true', 'environment: [[a]]',
	'labels: [1, 2]', 'labels: 5', 'labels: {a: [1]}',
	'x-deckhand: {ready: {timeout: abc}}', 'x-deckhand: {ready: {tcp: notaport}}', 'x-deckhand: {ready: {tcp: 70000}}', 'x-deckhand: {reload: {method: nope}}', 'x-deckhand: {ready: {http: "x/y"}}',
	'restart: sometimes', 'restart: 5', 'ports: ["99999:80"]', 'ports: ["80:0"]', 'ports: [true]', 'ports: ["1-2-3"]', 'ports: 80',
	'command: {a: 1}', 'healthcheck: 5', 'healthcheck: {test: [CMD, "true"], retries: x}', 'stop_signal: SIGBOGUS', 'image: [a]',
	'env_file: 7', 'profiles: 3', 'container_name: "bad name"', 'volumes: 3', 'networks: 9',
];
const oddNames: readonly string[] = ['', ' ', 'a b', 'a/b', 'hey!', 'ü', '日本', 'a\u202eb', 'a\u009bb', '../x', 'a:b', 'a\tb', 'x\u0000y', '-'.repeat(0) + 'a$b'];
const topLevel: readonly string[] = ['services: []', 'services: "x"', 'services: null', '- a\n- b', '"just a string"', 'services: {}', 'services:\n  a: 5'];

function aliasBomb(levels: number): string {
	const lines = ['x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
	for (let level = 1; level <= levels; level++) lines.push(`x-a${level}: &a${level} [${Array.from({length: 10}, () => `*a${level - 1}`).join(', ')}]`);
	return `${lines.join('\n')}\n${service([`labels: {bomb: *a${levels}}`])}`;
}

function deep(depth: number, flow: boolean): string {
	if (flow) return `${service([])}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
	return `${service([])}x-deep:\n${Array.from({length: depth}, (_, index) => `${' '.repeat(2 * (index + 1))}k${index}:`).join('\n')} 1\n`;
}

function junk(next: () => number): string {
	const alphabet = ':-[]{}&*!|>\'"%@`#,? \t\nab\u00e9\u202e';
	return Array.from({length: 20 + Math.floor(next() * 200)}, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

/** The case generators, picked by the seeded PRNG. */
function makeCase(index: number, next: () => number): Case {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const kind = pick(['wrong', 'wrong', 'wrong', 'name', 'name', 'alias', 'deep', 'special', 'special', 'huge', 'top', 'junk', 'envfile'] as const);
	switch (kind) {
		case 'wrong': {
			const count = 1 + Math.floor(next() * 3);
			// Distinct keys: a key written twice is a duplicate-key YAML error, not a type error.
			const byKey = new Map(Array.from({length: count}, () => pick(wrongValues)).map(line => [line.split(':')[0], line] as const));
			const lines = [...byKey.values()];
			return {name: `wrong types: ${lines.join('; ')}`, files: {'compose.yaml': service(lines)}, compose: 'compose.yaml'};
		}
		case 'name': {
			const name = pick(oddNames);
			return {name: `service name ${JSON.stringify(name)}`, files: {'compose.yaml': service([], name)}, compose: 'compose.yaml'};
		}
		case 'alias':
			return {name: 'alias bomb', files: {'compose.yaml': aliasBomb(7 + Math.floor(next() * 3))}, compose: 'compose.yaml'};
		case 'deep': {
			const flow = next() < 0.5;
			// Block nesting grows as depth² bytes: up to 1200 levels stays under the 4 MiB limit.
			const depth = 70 + Math.floor(next() * (flow ? 5000 : 1130));
			return {name: `nesting ${depth} deep (${flow ? 'flow' : 'block'})`, files: {'compose.yaml': deep(depth, flow)}, compose: 'compose.yaml'};
		}
		case 'special': {
			const special = pick(['fifo', 'directory', 'zero-link', 'dev-zero'] as const);
			if (special === 'dev-zero') return {name: '-f /dev/zero', files: {}, compose: '/dev/zero'};
			return {name: `-f a ${special}`, files: {'compose.yaml': special}, compose: 'compose.yaml'};
		}
		case 'huge':
			return {name: 'a file over 4 MiB', files: {'compose.yaml': `${service([])}# ${'x'.repeat(4 * 1024 * 1024 + Math.floor(next() * 1000))}\n`}, compose: 'compose.yaml'};
		case 'top': {
			const text = pick(topLevel);
			return {name: `top level ${JSON.stringify(text)}`, files: {'compose.yaml': `${text}\n`}, compose: 'compose.yaml'};
		}
		case 'junk':
			return {name: `junk #${index}`, files: {'compose.yaml': junk(next)}, compose: 'compose.yaml'};
		case 'envfile': {
			const special = pick(['fifo', 'directory', 'zero-link'] as const);
			const where = pick(['env_file', '.env'] as const);
			return where === '.env'
				? {name: `.env is a ${special}`, files: {'compose.yaml': service([]), '.env': special}, compose: 'compose.yaml'}
				: {name: `env_file is a ${special}`, files: {'compose.yaml': service(['env_file: app.env']), 'app.env': special}, compose: 'compose.yaml'};
		}
	}
}

function materialise(directory: string, files: Case['files']): void {
	mkdirSync(directory, {recursive: true});
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(directory, name);
		if (content === 'fifo') execFileSync('mkfifo', [file]);
		else if (content === 'directory') mkdirSync(file);
		else if (content === 'zero-link') symlinkSync('/dev/zero', file);
		else writeFileSync(file, content);
	}
}

const commands = [
	(compose: string) => ['up', '-f', compose, '-p', project, '--timeout', '5s'],
	(compose: string) => ['down', '-f', compose, '-p', project],
	(compose: string) => ['doctor', '-f', compose],
] as const;

/** What the engine holds for the fuzz project: containers, networks and volumes. */
async function created(): Promise<number> {
	const filters = JSON.stringify({label: [`com.docker.compose.project=${project}`]});
	const [containers, networks, volumes] = await Promise.all([docker.listContainers({all: true, filters}), docker.listNetworks({filters}), docker.listVolumes({filters})]);
	return containers.length + networks.length + (volumes.Volumes?.length ?? 0);
}

describe(`hostile compose files (seed ${seed}, ${caseCount} cases)`, () => {
	it('are exit 2, one line on stderr, no stack, nothing created, for up, down and doctor', async () => {
		const next = random(seed);
		const cases = Array.from({length: caseCount}, (_, index) => ({index, test: makeCase(index, next), command: commands[index % commands.length]!}));
		assert.equal(await created(), 0, 'nothing of the fuzz project exists before');
		const failures: string[] = [];
		const runOne = async ({index, test, command}: (typeof cases)[number]) => {
			const directory = path.join(root, `case-${index}`);
			materialise(directory, test.files);
			const args = command(test.compose);
			const result = await execa('node', [cliPath, ...args], {cwd: directory, reject: false, timeout: 15_000, env: {CI: 'true', DOCKER_HOST: testHost()}, extendEnv: false, input: ''});
			const lines = result.stderr.split('\n').filter(line => line !== '');
			const problem = result.timedOut ? 'hung (killed after 15 s)'
				: result.exitCode !== 2 ? `exit ${result.exitCode}`
				: lines.length !== 1 ? `${lines.length} lines on stderr`
				: /^\s+at /m.test(result.stderr) ? 'a stack trace'
				: !lines[0]!.startsWith('deckhand: ') ? 'not a deckhand message'
				: !isTerminalSafe(lines[0]!) ? 'raw control or invisible characters on stderr'
				: undefined;
			if (process.env.DECKHAND_FUZZ_VERBOSE) console.log(`case ${index} ${args[0]} (${test.name}): exit ${result.exitCode} ${result.stderr.slice(0, 160)}`);
			if (problem) failures.push(`case ${index} (${test.name}) with ${args[0]}: ${problem}\n${result.stderr.slice(0, 600)}`);
		};
		// Four at a time: the machine is shared; each CLI start costs ~0.25 s of CPU.
		for (let start = 0; start < cases.length; start += 4) await Promise.all(cases.slice(start, start + 4).map(runOne));
		assert.deepEqual(failures, [], failures.join('\n\n'));
		assert.equal(await created(), 0, 'nothing of the fuzz project was created on the engine');
	});
});
