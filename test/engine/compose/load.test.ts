import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {UsageError} from '../../../source/engine/errors.js';
import {interpolate, parseDotEnv} from '../../../source/engine/compose/interpolate.js';
import {loadCompose} from '../../../source/engine/compose/load.js';
import {mergeComposeFiles} from '../../../source/engine/compose/merge.js';
import {splitShellWords} from '../../../source/engine/compose/normalise.js';

/** Writes files into a fresh directory and returns it. */
function project(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-compose-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);

describe('interpolation', () => {
	const vars = {SET: 'yes', EMPTY: ''};
	it('substitutes plain, default, required and escaped forms as compose does', () => {
		assert.equal(interpolate('${SET} $SET', vars), 'yes yes');
		assert.equal(interpolate('${MISSING:-d} ${EMPTY:-d} ${EMPTY-d} ${MISSING-d}', vars), 'd d  d');
		assert.equal(interpolate('$$HOME ${SET:+alt}', vars), '$HOME alt');
		assert.equal(interpolate('${MISSING:-${SET}}', vars), 'yes');
		assert.throws(() => interpolate('${MISSING:?need it}', vars), /MISSING.*need it/);
		assert.throws(() => interpolate('${EMPTY:?}', vars), /EMPTY/);
		assert.equal(interpolate('${EMPTY?x}', vars), '');
	});
	it('parses .env files with export, quotes and comments', () => {
		assert.deepEqual(parseDotEnv('# c\nexport A=1\nB="two words"\nC=3 # note\nD=\'$x\'\n'), {A: '1', B: 'two words', C: '3', D: '$x'});
	});
	it('splits command strings into shell words', () => {
		assert.deepEqual(splitShellWords(`sh -c 'echo "hi there"' a\\ b`), ['sh', '-c', 'echo "hi there"', 'a b']);
	});
});

describe('merging -f files', () => {
	it('merges mappings, appends ports, overrides volumes by target and replaces command', () => {
		const merged = mergeComposeFiles([
			{services: {web: {image: 'a', command: ['x'], environment: ['A=1', 'B=2'], ports: ['80'], volumes: ['v:/data', '/h:/logs'], labels: {l: '1'}}}},
			{services: {web: {command: 'y', environment: {B: '3'}, ports: ['81'], volumes: ['w:/data'], labels: ['m=2']}, db: {image: 'pg'}}},
		]);
		assert.deepEqual(merged.services, {
			web: {image: 'a', command: 'y', environment: {A: '1', B: '3'}, ports: ['80', '81'], volumes: ['w:/data', '/h:/logs'], labels: {l: '1', m: '2'}},
			db: {image: 'pg'},
		});
	});
});

describe('loadCompose', () => {
	it('normalises services, resolves .env and env_file, and locates keys by file and line', () => {
		const dir = project({
			'.env': 'TAG=1\nPORT=8080\n',
			'app.env': 'FROM_FILE=yes\n',
			'compose.yaml': [
				'name: My_App',
				'services:',
				'  db:',
				'    image: busybox:${TAG}',
				'    healthcheck:',
				'      test: test -f /ok',
				'      interval: 1s',
				'      start_period: 1m30s',
				'  web:',
				'    image: busybox:${TAG}',
				'    command: sh -c "sleep 1"',
				'    env_file: app.env',
				'    environment:',
				'      - MODE=${MODE:-dev}',
				'    ports: ["127.0.0.1:${PORT}:80/udp"]',
				'    depends_on:',
				'      db: {condition: service_healthy}',
				'    x-deckhand: {ready: {tcp: 8080}}',
				'    build: .',
				'',
			].join('\n'),
		});
		const {project: p, warnings, locate} = loadCompose({cwd: dir, env: {}});
		assert.equal(p.name, 'my_app');
		assert.deepEqual(p.services.db!.healthcheck, {test: ['CMD-SHELL', 'test -f /ok'], intervalMs: 1000, timeoutMs: undefined, startPeriodMs: 90_000, retries: undefined, disable: false});
		const web = p.services.web!;
		assert.deepEqual(web.command, ['sh', '-c', 'sleep 1']);
		assert.deepEqual(web.environment, {FROM_FILE: 'yes', MODE: 'dev'});
		assert.deepEqual(web.ports, [{target: 80, published: '8080', hostIp: '127.0.0.1', protocol: 'udp'}]);
		assert.deepEqual(web.dependsOn, {db: {condition: 'service_healthy', restart: false, required: true}});
		assert.equal(web.labels['deckhand.ready.tcp'], '8080');
		assert.deepEqual(locate(['services', 'db', 'image']), {file: path.join(dir, 'compose.yaml'), line: 4});
		assert.deepEqual(locate(['services', 'web', 'environment', 'MODE']), {file: path.join(dir, 'compose.yaml'), line: 14});
		assert.equal(warnings.length, 1);
		assert.match(warnings[0]!.message, /compose\.yaml:19: unsupported key "build"/);
	});

	it('locates keys in the override file that last set them', () => {
		const dir = project({'a.yaml': 'services:\n  s:\n    image: x\n', 'b.yaml': '\nservices:\n  s:\n    image: y\n'});
		const loaded = loadCompose({cwd: dir, files: ['a.yaml', 'b.yaml'], env: {}});
		assert.equal(loaded.project.services.s!.image, 'y');
		assert.deepEqual(loaded.locate(['services', 's', 'image']), {file: path.join(dir, 'b.yaml'), line: 4});
		assert.equal(loaded.documents.length, 2);
	});

	it('rejects a dependency cycle naming it with file:line', () => {
		const dir = project({'compose.yaml': 'services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n'});
		assert.throws(() => loadCompose({cwd: dir, env: {}}), usage(/compose\.yaml:2: dependency cycle: a → b → c → a/));
	});

	it('rejects unknown dependencies, invalid durations and missing required variables', () => {
		const unknown = project({'compose.yaml': 'services:\n  a:\n    image: x\n    depends_on: [ghost]\n'});
		assert.throws(() => loadCompose({cwd: unknown, env: {}}), usage(/compose\.yaml:4: .*unknown service "ghost"/));
		const badDuration = project({'compose.yaml': 'services:\n  a:\n    image: x\n    healthcheck:\n      interval: soon\n'});
		assert.throws(() => loadCompose({cwd: badDuration, env: {}}), usage(/compose\.yaml:5: invalid duration "soon"/));
		const required = project({'compose.yaml': 'services:\n  a:\n    image: ${IMG:?set IMG}\n'});
		assert.throws(() => loadCompose({cwd: required, env: {}}), usage(/compose\.yaml:3: required variable IMG .*set IMG/));
	});

	it('rejects a service joining an undeclared network', () => {
		const dir = project({'compose.yaml': 'services:\n  a:\n    image: x\n    networks: [front]\n'});
		assert.throws(() => loadCompose({cwd: dir, env: {}}), usage(/compose\.yaml:4: .*undeclared network "front"/));
	});

	it('applies profiles and reports dependencies on disabled services', () => {
		const dir = project({'compose.yaml': 'services:\n  a: {image: x}\n  dbg: {image: x, profiles: [debug]}\n'});
		assert.deepEqual(Object.keys(loadCompose({cwd: dir, env: {}}).project.services), ['a']);
		assert.deepEqual(Object.keys(loadCompose({cwd: dir, env: {}, profiles: ['debug']}).project.services), ['a', 'dbg']);
		const needs = project({'compose.yaml': 'services:\n  a: {image: x, depends_on: [dbg]}\n  dbg: {image: x, profiles: [debug]}\n'});
		assert.throws(() => loadCompose({cwd: needs, env: {}}), usage(/not enabled by the active profiles/));
	});

	it('reports invalid YAML and a missing file as usage errors', () => {
		const dir = project({'compose.yaml': 'services:\n  a: [\n'});
		assert.throws(() => loadCompose({cwd: dir, env: {}}), usage(/compose\.yaml:\d+: invalid YAML/));
		assert.throws(() => loadCompose({cwd: project({}), env: {}}), usage(/no compose file/));
	});
});
