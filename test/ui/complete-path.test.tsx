import {afterEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {completePath, type DirectoryLister} from '../../source/ui/state/complete-path.js';
import {keys, renderApp} from './render-app.js';

const tree: Record<string, Array<{name: string; directory: boolean}>> = {
	'.': [{name: 'releases', directory: true}, {name: 'README.md', directory: false}, {name: '.env', directory: false}],
	'releases/': [{name: 'app-v2.tar.gz', directory: false}, {name: 'app-v3.tar.gz', directory: false}, {name: 'old', directory: true}],
};
const list: DirectoryLister = directory => tree[directory];

describe('tab completion of the deploy path', () => {
	afterEach(cleanup);

	it('completes a unique directory with a slash, a shared prefix as far as it goes, and leaves no match alone', () => {
		assert.equal(completePath('rel', list), 'releases/');
		assert.equal(completePath('releases/a', list), 'releases/app-v');
		assert.equal(completePath('releases/app-v3', list), 'releases/app-v3.tar.gz');
		assert.equal(completePath('releases/o', list), 'releases/old/');
		assert.equal(completePath('nothing', list), 'nothing');
		assert.equal(completePath('missing/x', list), 'missing/x', 'an unreadable directory changes nothing');
	});

	it('offers hidden files only when asked for with a dot', () => {
		assert.equal(completePath('', list), '');
		assert.equal(completePath('.e', list), '.env');
	});

	it('tab in the console\'s deploy prompt completes from the real file system', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dh-complete-'));
		mkdirSync(join(dir, 'builds'));
		writeFileSync(join(dir, 'builds', 'release-v2.tar.gz'), '');
		const app = renderApp();
		await app.waitFor(text => text.includes('▸ ● api'));
		await app.press('d');
		await app.waitFor(text => text.includes('deploy tarball (path): █'));
		await app.press(...`${dir}/bu`, keys.tab);
		await app.waitFor(text => text.includes(`${dir}/builds/█`));
		await app.press('r', keys.tab);
		await app.waitFor(text => text.includes(`${dir}/builds/release-v2.tar.gz█`));
	});
});
