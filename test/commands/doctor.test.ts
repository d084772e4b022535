import assert from 'node:assert/strict';
import {copyFileSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';
import doctor from '../../source/commands/doctor.js';
import {DeckhandError} from '../../source/engine/errors.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/doctor');
const relative = (file: string) => path.relative(process.cwd(), path.join(fixtures, file));

/** Runs `deckhand doctor` with captured output; a thrown DeckhandError becomes its exit code and message. */
async function runDoctor(flags: Record<string, unknown>, cwd?: string) {
	const stdout = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', chunk => (out += chunk));
	const previous = process.cwd();
	if (cwd) process.chdir(cwd);
	let code: number;
	try {
		code = await doctor.run({input: [], flags: {json: false, containers: false, severity: 'warning', ...flags} as never, global: {}, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
	} catch (error) {
		if (!(error instanceof DeckhandError)) throw error;
		code = error.exitCode;
		err = error.message;
	} finally {
		process.chdir(previous);
	}
	return {code, out, err};
}

describe('deckhand doctor', () => {
	it('prints file:line severity rule message with why and fix indented, and exits 1', async () => {
		const result = await runDoctor({file: [relative('compose/privileged.bad.yaml')]});
		assert.equal(result.code, 1);
		const lines = result.out.trimEnd().split('\n');
		const at = lines.indexOf(`${relative('compose/privileged.bad.yaml')}:4 error compose/privileged service agent runs privileged`);
		assert.ok(at >= 0, result.out);
		assert.match(lines[at + 1]!, /^ {4}why: .*root on the host/);
		assert.match(lines[at + 2]!, /^ {4}fix: .*cap_add/);
		assert.equal(lines.at(-1), `5 findings (1 error, 4 warning); checked: ${relative('compose/privileged.bad.yaml')}`);
	});

	it('--severity error shows only errors; a file with only warnings then exits 0', async () => {
		const errors = await runDoctor({file: [relative('compose/privileged.bad.yaml')], severity: 'error'});
		assert.equal(errors.code, 1);
		assert.deepEqual(errors.out.split('\n').filter(line => /^\S+:\d+ /.test(line)), [`${relative('compose/privileged.bad.yaml')}:4 error compose/privileged service agent runs privileged`]);
		const warningsOnly = await runDoctor({file: [relative('compose/no-restart-policy.bad.yaml')], severity: 'error'});
		assert.deepEqual([warningsOnly.code, warningsOnly.out], [0, `no findings at or above error; checked: ${relative('compose/no-restart-policy.bad.yaml')}\n`]);
	});

	it('--severity info includes info findings that the default hides', async () => {
		const file = relative('dockerfile/no-healthcheck.bad.Dockerfile');
		const hidden = await runDoctor({dockerfile: [file], json: true});
		const shown = await runDoctor({dockerfile: [file], json: true, severity: 'info'});
		const rules = (out: string) => (JSON.parse(out) as {findings: Array<{rule: string}>}).findings.map(item => item.rule);
		assert.deepEqual(rules(hidden.out), ['dockerfile/missing-dockerignore']);
		assert.deepEqual(rules(shown.out), ['dockerfile/missing-dockerignore', 'dockerfile/no-healthcheck']);
		assert.equal(hidden.code, 1);
	});

	it('--json has the documented, stable shape', async () => {
		const result = await runDoctor({file: [relative('compose/privileged.bad.yaml')], json: true, severity: 'error'});
		assert.equal(result.code, 1);
		const parsed = JSON.parse(result.out) as Record<string, unknown>;
		assert.deepEqual(parsed, {
			version: 1,
			severity: 'error',
			checked: [relative('compose/privileged.bad.yaml')],
			counts: {info: 0, warning: 0, error: 1},
			findings: [{
				rule: 'compose/privileged',
				severity: 'error',
				file: relative('compose/privileged.bad.yaml'),
				line: 4,
				message: 'service agent runs privileged',
				why: 'privileged: true gives the container every capability and all host devices, so anyone who gets into it is root on the host.',
				fix: 'Drop privileged and grant only what is needed with cap_add, devices or security_opt.',
			}],
		});
	});

	it('discovers compose.yaml and Dockerfile in the current directory; a clean project exits 0', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-doctor-'));
		copyFileSync(path.join(fixtures, 'compose/clean.yaml'), path.join(dir, 'compose.yaml'));
		copyFileSync(path.join(fixtures, 'dockerfile/clean.Dockerfile'), path.join(dir, 'Dockerfile'));
		copyFileSync(path.join(fixtures, 'dockerfile/clean.Dockerfile'), path.join(dir, 'worker.Dockerfile'));
		writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
		const result = await runDoctor({}, dir);
		assert.deepEqual([result.code, result.out], [0, 'no findings at or above warning; checked: compose.yaml, Dockerfile, worker.Dockerfile\n']);
	});

	it('lints the Dockerfile a compose build: names, against its build context', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-doctor-'));
		writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  app:\n    build: {context: ./app, dockerfile: App.Dockerfile}\n');
		const app = path.join(dir, 'app');
		(await import('node:fs')).mkdirSync(app);
		writeFileSync(path.join(app, 'App.Dockerfile'), 'FROM alpine:3.20\nUSER app\nHEALTHCHECK CMD ["true"]\nCMD ["/app"]\n');
		const result = await runDoctor({json: true}, dir);
		const parsed = JSON.parse(result.out) as {checked: string[]; findings: Array<{rule: string; file: string; line: number}>};
		assert.deepEqual(parsed.checked, ['compose.yaml', 'app/App.Dockerfile']);
		assert.deepEqual(parsed.findings.filter(item => item.file !== 'compose.yaml').map(item => [item.file, item.line, item.rule]), [['app/App.Dockerfile', 1, 'dockerfile/missing-dockerignore']]);
	});

	it('exits 2 with file:line for malformed YAML and invalid Dockerfiles', async () => {
		const yaml = await runDoctor({file: [relative('compose/malformed.yaml')]});
		assert.equal(yaml.code, 2);
		assert.match(yaml.err, new RegExp(`^${path.join(fixtures, 'compose/malformed.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: invalid YAML`));
		const dockerfile = await runDoctor({dockerfile: [relative('dockerfile/unclosed-heredoc.Dockerfile')]});
		assert.deepEqual([dockerfile.code, dockerfile.err], [2, `${path.join(fixtures, 'dockerfile/unclosed-heredoc.Dockerfile')}:3: heredoc <<EOF is never closed (no line "EOF")`]);
	});

	it('exits 2 for bad input: unknown severity, missing files, nothing to lint', async () => {
		assert.deepEqual(await runDoctor({severity: 'loud'}), {code: 2, out: '', err: 'invalid --severity "loud" (use info, warning, error)'});
		assert.deepEqual(await runDoctor({dockerfile: ['nope/Dockerfile']}), {code: 2, out: '', err: 'Dockerfile not found: nope/Dockerfile'});
		assert.equal((await runDoctor({file: ['nope.yaml']})).code, 2);
		const empty = mkdtempSync(path.join(tmpdir(), 'dh-doctor-empty-'));
		const nothing = await runDoctor({}, empty);
		assert.equal(nothing.code, 2);
		assert.match(nothing.err, /^nothing to lint in .*: no compose file/);
	});
});

describe('deckhand doctor --containers (real engine)', () => {
	const docker = testDocker();
	const run = newRun();
	after(async () => removeTestObjects(docker, run));

	it('lints the running containers selected by --label', async () => {
		const name = testName('doctor-cmd');
		await startTestContainer(docker, run, name, {User: '1000', HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: 'always'}}});
		const result = await runDoctor({containers: true, label: [`deckhand.test=${run}`], json: true});
		assert.equal(result.code, 1);
		const parsed = JSON.parse(result.out) as {checked: string[]; findings: Array<{rule: string; file: string; line: number}>};
		assert.deepEqual(parsed.checked, [`container:${name}`]);
		assert.deepEqual(parsed.findings.map(item => [item.file, item.line, item.rule]), [
			[`container:${name}`, 0, 'container/no-healthcheck'],
			[`container:${name}`, 0, 'container/no-resource-limits'],
		]);
	});
});
