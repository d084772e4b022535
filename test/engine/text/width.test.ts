import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {formatStatusTable} from '../../../source/commands/status.js';
import {escapeJsonForTerminal, isInvisibleFormatting, sanitizeText} from '../../../source/engine/text/sanitize.js';
import {cutToWidth, displayWidth, graphemes, padEndToWidth} from '../../../source/engine/text/width.js';
import {fit} from '../../../source/ui/view/format.js';
import {formatRow} from '../../../source/ui/view/rows.js';

describe('width by grapheme', () => {
	it('counts a letter with a combining mark as one column and a CJK character as two', () => {
		assert.equal(displayWidth('e\u0301'), 1);
		assert.equal(displayWidth('日本'), 4);
		assert.deepEqual(graphemes('e\u0301x'), ['e\u0301', 'x']);
		assert.equal(padEndToWidth('日本', 6), '日本  ');
		assert.equal(cutToWidth('日本語テキスト', 7), '日本語…');
	});

	it('never splits a combining mark from its letter when the console cuts a cell', () => {
		assert.equal(fit('cafe\u0301-bar', 5), 'cafe\u0301…');
		assert.equal(displayWidth(fit('日本語のなまえ', 9)), 9);
	});

	it('keeps the status table columns aligned with combining marks and CJK names', () => {
		const service = (name: string, memoryBytes: number) => ({name, kind: 'compose' as const, state: 'running' as const, health: 'none' as const, replicas: {running: 1, total: 1}, cpuPercent: 1, memoryBytes, containers: []});
		const table = formatStatusTable([{name: 'shop', kind: 'compose', services: [service('cafe\u0301', 3 * 1024 * 1024), service('データベース', 30 * 1024 * 1024), service('web', 300 * 1024 * 1024)]}]);
		const lines = table.split('\n');
		const widths = lines.map(line => displayWidth(line));
		assert.deepEqual(new Set(widths).size, 1, `every row ends at the same column:\n${table}`);
		assert.deepEqual(lines.slice(1).map(line => line.trim().split(/\s+/).at(-1)), ['3.0M', '30M', '300M']);
	});
});

describe('console rows', () => {
	it('keep the memory column intact for names with combining marks and CJK characters', () => {
		const layout = {columns: [{index: 0, width: 5, title: 'CPU'}, {index: 1, width: 6, title: 'MEM'}], long: false, labelWidth: 24, indent: ''};
		const row = (label: string, memory: string) =>
			formatRow({key: label, label, columns: [{short: '1.5%'}, {short: memory}], glyph: '●', tone: 'text.primary', target: {kind: 'container', id: label, name: label}} as never, 40, false, layout);
		const rows = [row('cafe\u0301-1', '3M'), row('データベース-1', '30M'), row('日本語のとても長いコンテナの名前-1', '300M'), row('web-1', '3.0G')];
		for (const text of rows) assert.equal(displayWidth(text), 40, `row is 40 columns: "${text}"`);
		assert.deepEqual(rows.map(text => text.slice(-6)), ['    3M', '   30M', '  300M', '  3.0G']);
	});
});

describe('terminal safety beyond C0', () => {
	const hostile = ['\u009b', '\u009d', '\u202e', '\u2066', '\u061c', '\u200b', '\u200d', '\u2060', '\u2064', '\u206e', '\u{e0041}', '\u00ad'];

	it('shows C1, bidi, zero-width, word-joiner, deprecated-format and tag characters as escapes', () => {
		for (const character of hostile) {
			const shown = sanitizeText(`a${character}b`);
			assert.match(shown, /^a\\(x|u)[0-9a-f{}]+b$/, `U+${character.codePointAt(0)!.toString(16)} → ${shown}`);
		}
		assert.equal(sanitizeText('\u{e0041}'), '\\u{e0041}');
		assert.equal(sanitizeText('\u061c'), '\\u061c');
		assert.equal(sanitizeText('e\u0301 日本 ok'), 'e\u0301 日本 ok', 'combining marks and CJK are text, not controls');
		assert.ok(isInvisibleFormatting(0x206e) && isInvisibleFormatting(0xe007f) && !isInvisibleFormatting(0x41));
	});

	it('escapes them in JSON as \\u, which still parses to the same value', () => {
		const value = {name: `x${hostile.join('')}y`, plain: 'héllo 日本'};
		const json = escapeJsonForTerminal(JSON.stringify(value));
		assert.deepEqual(JSON.parse(json), value);
		assert.ok([...json].every(character => character.codePointAt(0)! < 0x7f || !/[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u00ad]|\udb40/u.test(character)), json);
		assert.match(json, /\\u009b\\u009d\\u202e\\u2066/);
		assert.match(json, /\\udb40\\udc41/);
		assert.match(json, /héllo 日本/);
	});
});
