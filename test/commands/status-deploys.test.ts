import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import status, {formatDeployHistory} from '../../source/commands/status.js';
import {appendDeployRecord, type DeployRecord} from '../../source/engine/deploy/history.js';

// Each test file runs in its own process: pointing the state directory here touches nothing else.
process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'dh-status-deploys-'));

const record = (service: string, result: DeployRecord['result'], time: string): DeployRecord => ({
	time, action: 'deploy', service, container: service, containerId: 'c0ffee', path: '/app', tarball: 'app.tar.gz',
	tarballSha256: 'ab'.repeat(32), result, durations: {total: 2500}, ...(result === 'ok' ? {} : {error: 'ready: healthcheck unhealthy'}),
});

async function runStatus(input: string[], json: boolean) {
	const stdout = new PassThrough();
	const chunks: Buffer[] = [];
	stdout.on('data', chunk => chunks.push(chunk));
	const code = await status.run({input, flags: {json, stats: true, deploys: true} as never, global: {}, stdout: stdout as never, stderr: new PassThrough() as never, signal: new AbortController().signal});
	return {code, out: Buffer.concat(chunks).toString('utf8')};
}

describe('deckhand status --deploys', () => {
	it('says so when nothing was deployed yet', async () => {
		assert.equal(formatDeployHistory([]), 'no deploys recorded yet');
	});

	it('prints the history oldest first, as JSON or lines, filtered by service, without an engine', async () => {
		await appendDeployRecord(record('web', 'ok', '2026-11-24T01:00:00.000Z'));
		await appendDeployRecord(record('api', 'rolled-back', '2026-11-24T01:05:00.000Z'));
		const all = await runStatus([], true);
		assert.equal(all.code, 0);
		assert.deepEqual((JSON.parse(all.out) as DeployRecord[]).map(r => [r.service, r.result]), [['web', 'ok'], ['api', 'rolled-back']]);
		const api = await runStatus(['api'], true);
		assert.deepEqual((JSON.parse(api.out) as DeployRecord[]).map(r => r.service), ['api']);
		const lines = formatDeployHistory(JSON.parse(all.out) as DeployRecord[]).split('\n');
		assert.equal(lines.length, 2);
		assert.match(lines[1]!, /^2026-11-24 01:05:00 {2}deploy {4}api +rolled-back {2}2\.5s {2}abababababab {2}ready: healthcheck unhealthy$/);
	});
});
