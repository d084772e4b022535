import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {renderKeyTable} from '../../source/ui/keys/keymap.js';

describe('README key table', () => {
	it('README.md contains exactly the table generated from the key map (paste renderKeyTable() output when keys change)', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const table = renderKeyTable();
		assert.ok(readme.includes(table), `README.md lacks the current key table; regenerate it with:\n  npx tsx -e "import('./source/ui/keys/keymap.ts').then(m => console.log(m.renderKeyTable()))"\n\n${table}`);
	});
});
