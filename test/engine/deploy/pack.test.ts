import {execFileSync} from 'node:child_process';
import {createReadStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readGitRevision} from '../../../source/engine/deploy/git-revision.js';
import {packDirectory} from '../../../source/engine/deploy/pack.js';
import {validateTarball} from '../../../source/engine/deploy/validate.js';
import {UsageError} from '../../../source/engine/errors.js';

describe('packDirectory', () => {
	const scratch = mkdtempSync(join(tmpdir(), 'deckhand-pack-'));
	after(() => rmSync(scratch, {recursive: true, force: true}));

	function appDirectory(name: string): string {
		const directory = join(scratch, name);
		mkdirSync(join(directory, 'lib'), {recursive: true});
		writeFileSync(join(directory, 'VERSION'), 'v2\n');
		writeFileSync(join(directory, 'lib', 'app.sh'), 'echo hi\n', {mode: 0o755});
		symlinkSync('lib/app.sh', join(directory, 'start'));
		return directory;
	}

	it('writes a tarball that validates, whose manifest checksum is the content checksum', async () => {
		const directory = appDirectory('app');
		const output = join(scratch, 'app.tar.gz');
		const manifest = await packDirectory(directory, {output, deckhandVersion: '9.9.9', gitRevision: 'abc', now: () => new Date('2026-11-23T00:00:00Z')});
		assert.deepEqual({...manifest, contentSha256: manifest.contentSha256.length}, {format: 1, contentSha256: 64, entries: 4, bytes: 11, created: '2026-11-23T00:00:00.000Z', source: directory, gitRevision: 'abc', deckhandVersion: '9.9.9'});
		const report = await validateTarball(createReadStream(output));
		assert.equal(report.contentSha256, manifest.contentSha256);
		assert.equal(report.entries, 4);
	});

	it('gives the same checksum for the same tree packed twice, and skips its own output inside DIR', async () => {
		const directory = appDirectory('again');
		const first = await packDirectory(directory, {output: join(directory, 'out.tar.gz'), deckhandVersion: '1'});
		const second = await packDirectory(directory, {output: join(directory, 'out.tar.gz'), deckhandVersion: '1'});
		assert.equal(first.contentSha256, second.contentSha256);
		assert.equal(second.entries, 4);
	});

	it('refuses something that is not a directory', async () => {
		await assert.rejects(packDirectory(join(scratch, 'missing'), {output: join(scratch, 'x.tgz'), deckhandVersion: '1'}), UsageError);
	});
});

describe('readGitRevision', () => {
	it('reads what git rev-parse HEAD prints, from inside a work tree', () => {
		const expected = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: process.cwd(), encoding: 'utf8'}).trim();
		assert.equal(readGitRevision(join(process.cwd(), 'source')), expected);
	});

	it('is undefined outside a work tree', () => {
		assert.equal(readGitRevision(tmpdir()), undefined);
	});
});
