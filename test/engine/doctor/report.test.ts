import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {readIgnoreComments} from '../../../source/engine/doctor/ignore.js';
import {atOrAbove, doctorJson, formatFindings} from '../../../source/engine/doctor/report.js';
import type {Finding} from '../../../source/engine/doctor/types.js';

const item = (rule: string, severity: Finding['severity'], file: string, line: number): Finding => ({rule, severity, file, line, message: `m ${rule}`, why: 'w', fix: 'f'});
const findings = [item('a/x', 'error', 'compose.yaml', 3), item('a/y', 'warning', 'container:web', 0), item('a/z', 'info', 'Dockerfile', 1)];

describe('doctor report', () => {
	it('filters at or above a severity', () => {
		assert.deepEqual(atOrAbove(findings, 'warning').map(f => f.rule), ['a/x', 'a/y']);
		assert.deepEqual(atOrAbove(findings, 'error').map(f => f.rule), ['a/x']);
		assert.equal(atOrAbove(findings, 'info').length, 3);
	});
	it('formats file:line (or the container) with why and fix, then a summary', () => {
		assert.deepEqual(formatFindings(findings.slice(0, 2), ['compose.yaml', 'container:web'], 'warning'), [
			'compose.yaml:3 error a/x m a/x',
			'    why: w',
			'    fix: f',
			'container:web warning a/y m a/y',
			'    why: w',
			'    fix: f',
			'2 findings (1 error, 1 warning); checked: compose.yaml, container:web',
		]);
		assert.deepEqual(formatFindings([], [], 'error'), ['no findings at or above error; checked: nothing']);
	});
	it('sanitises names that come from containers', () => {
		assert.doesNotMatch(formatFindings([item('a/x', 'error', 'container:\u001B[31mevil', 0)], [], 'info')[0]!, /\u001B/);
	});
	it('counts every severity in --json', () => {
		assert.deepEqual(doctorJson(findings, ['compose.yaml'], 'info').counts, {info: 1, warning: 1, error: 1});
	});
	it('reads ignore comments with one or several rules', () => {
		assert.deepEqual(readIgnoreComments('a\nb # deckhand-ignore r/one, r/two\n# deckhand-ignore\n#deckhand-ignore r/three'), new Map([[2, new Set(['r/one', 'r/two'])], [4, new Set(['r/three'])]]));
	});
});
