import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
// Ink's own frame builder, by path: its package exports only the entry point.
import InkOutput from '../../node_modules/ink/build/output.js';
import {composeFrame, type InkOperation} from '../../source/ui/ink-frame.js';

chalk.level = 2;
const red = (line: string) => chalk.red(line);
const bold = (line: string) => chalk.bold(line);

/** Every cell of a frame as the terminal shows it: character and the style codes in force. */
const cells = (frame: string) =>
	frame.split('\n').map(row => styledCharsFromTokens(tokenize(row)).map(cell => `${cell.value}|${cell.styles.map(style => style.code).sort().join('')}`).join(' '));

/** Ink's frame for the same operations. */
function inkFrame(operations: readonly InkOperation[], width: number, height: number): string {
	const output = new InkOutput({width, height});
	for (const operation of operations) {
		if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: [...operation.transformers]});
		else if (operation.type === 'clip') output.clip({x1: undefined, x2: undefined, y1: undefined, y2: undefined, ...operation.clip});
		else output.unclip();
	}
	return output.get().output;
}

const write = (x: number, y: number, text: string, transformers: Extract<InkOperation, {type: 'write'}>['transformers'] = []): InkOperation => ({type: 'write', x, y, text, transformers});

describe('fast frame (Ink Output.get for side-by-side rows)', () => {
	it('draws what Ink draws: columns side by side, colours, nested styles, a multi-line block, a vertical clip', () => {
		const operations: InkOperation[] = [
			write(0, 0, `${chalk.cyan('─ 1 Engine ─')}`, [bold]),
			write(0, 1, `▸${chalk.green('●')} api   up 3s`),
			write(14, 0, '│\n│\n│', [red]),
			{type: 'clip', clip: {y1: 0, y2: 3}},
			write(15, 0, `[Logs]  ${chalk.inverse('Stats')}`),
			write(15, 1, 'line one   ', [red]),
			write(15, 2, 'line two\nline three\nline four'),
			{type: 'unclip'},
			write(2, 3, '漢字 ok'),
		];
		const fast = composeFrame(operations, 40, 5);
		assert.ok(fast !== undefined, 'the fast path took this frame');
		assert.deepEqual(cells(fast), cells(inkFrame(operations, 40, 5)));
		assert.equal(fast.split('\n').length, 5);
	});

	it('steps aside for Ink whenever rows could differ: a horizontal clip, overlapping texts, text past either edge', () => {
		assert.equal(composeFrame([{type: 'clip', clip: {x1: 0, x2: 5}}, write(0, 0, 'abcdefgh'), {type: 'unclip'}], 10, 1), undefined);
		assert.equal(composeFrame([write(0, 0, 'abcdef'), write(3, 0, 'XY')], 10, 1), undefined);
		assert.equal(composeFrame([write(8, 0, 'abcdef')], 10, 1), undefined);
		assert.equal(composeFrame([write(-1, 0, 'abc')], 10, 1), undefined);
	});
});
