/**
 * Issue 12 point 2: a wedged engine is an error, never a hang. Fake engines on a unix socket
 * (one silent, one that answers only `/_ping`) stand in for a SIGSTOPped dockerd; every
 * command facing one exits 3 with one line within its deadline (shrunk to 1.5 s here).
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {execa} from 'execa';
import {deadlineFor, formatDeadline} from '../../source/docker/deadlines.js';
import {startFakeEngine, type FakeEngine} from '../helpers/fake-engine.js';

const deadlineMs = 1500;
/** Connect ping (3 s) + one request deadline + node's start, with room for a loaded machine. */
const boundMs = 3000 + deadlineMs + 4000;
const project = mkdtempSync(path.join(os.tmpdir(), 'dh-wedged-project-'));
writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  web:\n    image: deckhand-test/busybox:1\n');
after(() => rmSync(project, {recursive: true, force: true}));

const cli = async (host: string, args: readonly string[]) => {
	const started = Date.now();
	const result = await execa('node', [path.resolve('dist/cli.js'), ...args], {
		reject: false,
		cwd: project,
		input: '',
		timeout: 30_000,
		env: {CI: 'true', DOCKER_HOST: host, DECKHAND_ENGINE_TIMEOUT_MS: String(deadlineMs)},
	});
	return {...result, elapsedMs: Date.now() - started};
};

const commands: ReadonlyArray<readonly string[]> = [['status'], ['mode'], ['restart', 'web'], ['logs', 'web']];

for (const kind of ['silent', 'ping-only'] as const) {
	describe(`facing an engine that ${kind === 'silent' ? 'accepts and never answers' : 'answers /_ping and stalls the rest'}`, () => {
		let engine: FakeEngine;
		before(async () => {
			engine = await startFakeEngine(kind);
		});
		after(async () => engine.close());
		// The console facing an engine that answered its first ping stays up and says the engine is silent (console-wedged.test.ts).
		for (const args of kind === 'silent' ? [...commands, []] : commands) {
			it(`\`deckhand ${args.join(' ') || '(console)'}\` exits 3 with one line within its deadline`, async () => {
				const result = await cli(engine.host, args);
				assert.equal(result.timedOut, false, `hung: ${result.stderr}`);
				assert.equal(result.exitCode, 3, result.stderr);
				assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
				assert.doesNotMatch(result.stderr, /\n\s+at /);
				const expected = kind === 'silent'
					? /^deckhand: no Docker engine answered \(tried unix:\/\/\S+ \(DOCKER_HOST\): no answer within 3000 ms\)/
					: new RegExp(`^deckhand: engine at ${engine.host.replaceAll('/', '\\/')} stopped answering \\(no reply within 1\\.5s\\)$`);
				assert.match(result.stderr.trim(), expected);
				assert.ok(result.elapsedMs < boundMs, `took ${result.elapsedMs} ms`);
				if (kind === 'ping-only') assert.ok(engine.requests.some(request => !/_ping/.test(request)), 'a request after the ping was sent');
			});
		}
	});
}

describe('deadlineFor (pure)', () => {
	it('gives plain requests and streams the base, stop its grace on top, and wait none', () => {
		assert.equal(deadlineFor({path: '/v1.45/containers/json?', method: 'GET'}, 10_000), 10_000);
		assert.equal(deadlineFor({path: '/v1.45/events?', method: 'GET', isStream: true}, 10_000), 10_000);
		assert.equal(deadlineFor({path: '/v1.45/containers/abc/stop?', method: 'POST', options: {t: 30}}, 10_000), 40_000);
		assert.equal(deadlineFor({path: '/containers/abc/restart?', method: 'POST', options: {t: 0}}, 10_000), 10_000);
		assert.equal(deadlineFor({path: '/v1.45/containers/abc/wait?', method: 'POST'}, 10_000), undefined);
		assert.equal(deadlineFor({path: '/_ping', method: 'GET', deadlineMs: 3000}, 10_000), 3000);
	});
	it('says the deadline as people read it', () => {
		assert.deepEqual([formatDeadline(10_000), formatDeadline(1500), formatDeadline(250)], ['10s', '1.5s', '250 ms']);
	});
});
