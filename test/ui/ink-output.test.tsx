import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
// tsx applies tsconfig.json (react-jsx) to source/ only; test files use the classic runtime.
import React from 'react';
import type * as InkModule from 'ink';

// Ink reads CI once, at import; this test needs its interactive renderer.
process.env.CI = 'false';
const {Box, render, Text} = (await import('ink')) as typeof InkModule;

/** A fake terminal that records what Ink writes. */
function fakeTerminal(rows: number) {
	const writes: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			writes.push(String(chunk));
			done();
		},
	}) as unknown as NodeJS.WriteStream;
	Object.assign(stream, {isTTY: true, columns: 40, rows});
	return {stream, writes};
}

const Frame = ({n}: {n: number}) => (
	<Box flexDirection="column">
		{['a', 'b', 'c'].map(line => (
			<Text key={line}>{`${line}${n}`}</Text>
		))}
	</Box>
);

describe('Ink incremental rendering (why source/ui/ink-output.ts exists)', () => {
	it('Ink 6.8 moves up one line too few over a newline-terminated frame; if this fails, Ink is fixed: drop the correction', async () => {
		const {stream, writes} = fakeTerminal(10);
		const instance = render(<Frame n={1} />, {stdout: stream, incrementalRendering: true, patchConsole: false, maxFps: 1000});
		await new Promise(resolve => setTimeout(resolve, 30));
		instance.rerender(<Frame n={2} />);
		await new Promise(resolve => setTimeout(resolve, 30));
		instance.unmount();
		const update = writes.find(write => write.includes('a2'));
		assert.ok(update, 'an incremental update was written');
		// Three lines plus the trailing newline leave the cursor on row 4: reaching row 1 needs 3 up.
		assert.match(update, /^\u001b\[2A/, 'Ink still writes cursorUp(lines - 1)');
	});
});
