import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {inlineSecretFix} from '../../../source/engine/doctor/compose-rules.js';
import {lintProject} from '../../../source/engine/doctor/project.js';

describe('doctor: the inline-secret fix names the key itself', () => {
	it('suggests ${API_TOKEN} for API_TOKEN, not another variable', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dh-doctor-secret-'));
		writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  a:\n    image: x:1\n    environment:\n      API_TOKEN: abc123\n');
		const found = lintProject({cwd: dir, env: {}}).findings.find(item => item.rule === 'compose/inline-secret');
		assert.ok(found, 'an inline-secret finding');
		assert.match(found.fix, /\$\{API_TOKEN\}/);
		assert.doesNotMatch(found.fix, /DB_PASSWORD/);
		assert.equal(inlineSecretFix('DB_PASSWORD').includes('${DB_PASSWORD}'), true);
	});
});
