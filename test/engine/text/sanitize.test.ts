import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {CUT_MARKER, isTerminalSafe, sanitizeLogLine, sanitizeName, sanitizeRecord, sanitizeText} from '../../../source/engine/text/sanitize.js';

const ESC = '\u001b';

describe('sanitizeText', () => {
	it('leaves ordinary text, including non-ASCII, unchanged', () => {
		assert.equal(sanitizeText('api-1 ✓ café 日本 🐳'), 'api-1 ✓ café 日本 🐳');
	});

	it('shows escape sequences visibly instead of letting the terminal run them', () => {
		assert.equal(sanitizeText(`${ESC}[2J${ESC}]0;pwned${'\u0007'}x`), '\\x1b[2J\\x1b]0;pwned\\x07x');
	});

	it('shows C0, DEL and C1 controls (0x9b is a one-byte CSI) visibly', () => {
		assert.equal(sanitizeText('a\u0000b\u007fc\u009b31m'), 'a\\x00b\\x7fc\\x9b31m');
	});

	it('keeps one line one line: newlines and carriage returns become \\n and \\r', () => {
		assert.equal(sanitizeText('one\r\ntwo'), 'one\\r\\ntwo');
	});

	it('shows bidi overrides and zero-width characters (Trojan Source) visibly', () => {
		assert.equal(sanitizeText('ab\u202ecd\u200b'), 'ab\\u202ecd\\u200b');
	});

	it('expands tabs so columns stay aligned', () => {
		assert.equal(sanitizeText('a\tb', {tabWidth: 2}), 'a  b');
	});

	it('cuts over-long text to maxLength code points ending in the cut marker', () => {
		const result = sanitizeText('x'.repeat(50), {maxLength: 10});
		assert.equal(result, `${'x'.repeat(9)}${CUT_MARKER}`);
		assert.equal([...result].length, 10);
		assert.equal(sanitizeText('x'.repeat(10), {maxLength: 10}), 'x'.repeat(10));
	});

	it('counts escapes towards the length, so a flood of ESC bytes is cut too', () => {
		const result = sanitizeText(ESC.repeat(1000), {maxLength: 20});
		assert.ok([...result].length <= 20);
		assert.ok(!result.includes(ESC));
	});

	it('accepts non-strings: undefined and null become empty, numbers become text', () => {
		assert.equal(sanitizeText(undefined), '');
		assert.equal(sanitizeText(null), '');
		assert.equal(sanitizeText(42), '42');
	});

	it('drops well-formed colour sequences only when asked, and still neutralises the rest', () => {
		assert.equal(sanitizeText(`${ESC}[1;31mred${ESC}[0m${ESC}[H`, {dropColors: true}), 'red\\x1b[H');
		assert.equal(sanitizeText(`${ESC}[31mred`), '\\x1b[31mred');
	});
});

describe('sanitizeLogLine, sanitizeName, sanitizeRecord', () => {
	it('drops the trailing CR of CRLF output and colours from a log line', () => {
		assert.equal(sanitizeLogLine(`${ESC}[32mready${ESC}[0m\r\n`), 'ready');
	});

	it('makes a hostile container name one safe row', () => {
		const name = sanitizeName(`evil${ESC}[2J\n${ESC}]8;;http://x${ESC}\\name`);
		assert.ok(isTerminalSafe(name));
		assert.ok(!name.includes(ESC));
	});

	it('sanitises both keys and values of labels', () => {
		assert.deepEqual(sanitizeRecord({[`k${ESC}`]: `v${ESC}[31m`}), {'k\\x1b': 'v\\x1b[31m'});
	});

	it('isTerminalSafe accepts the output of sanitizeText for any input', () => {
		let all = '';
		for (let code = 0; code < 0x250; code++) all += String.fromCodePoint(code);
		assert.ok(isTerminalSafe(sanitizeText(all, {maxLength: 10_000})));
		assert.ok(!isTerminalSafe(`a${ESC}b`));
	});
});
