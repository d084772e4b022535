import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {logRows, type NumberedLine} from '../../source/ui/tabs/log-rows.js';

const options = {width: 30, height: 10, wrap: false, timestamps: false, search: '', labels: []};
const numbered = (texts: readonly string[], stream: 'stdout' | 'stderr' = 'stdout'): NumberedLine[] => texts.map((text, seq) => ({seq, line: {stream, text}, source: seq % 2}));
const texts = (rows: ReturnType<typeof logRows>) => rows.map(row => (row.marker?.text ?? '') + row.pieces.map(piece => piece.text).join(''));

describe('log rows', () => {
	it('marks stdout and stderr and fits each line to the width', () => {
		assert.deepEqual(texts(logRows(numbered(['hello']), options)), ['│ hello'], 'not padded: Ink draws on a blank frame');
		assert.deepEqual(texts(logRows(numbered(['disk full'], 'stderr'), options)).map(text => text.trimEnd()), ['! disk full']);
	});

	it('cuts matches out as pieces, the current line stronger, never in the marker', () => {
		const rows = logRows(numbered(['a ERROR b error']), {...options, search: 'error', currentSeq: 0});
		assert.deepEqual(rows[0]!.pieces.filter(piece => piece.match).map(piece => [piece.text, piece.match, piece.tone]), [
			['ERROR', 'current', 'status.warning'],
			['error', 'current', 'status.warning'],
		]);
		const other = logRows(numbered(['x error']), {...options, search: 'error', currentSeq: 5});
		assert.deepEqual(other[0]!.pieces.filter(piece => piece.match).map(piece => piece.match), ['match']);
	});

	it('labels merged containers, each with its own tone', () => {
		const rows = logRows(numbered(['one', 'two']), {...options, labels: ['web-1', 'web-2']});
		assert.deepEqual(texts(rows).map(text => text.trimEnd()), ['│ web-1 one', '│ web-2 two']);
		assert.notEqual(rows[0]!.pieces[0]!.tone, rows[1]!.pieces[0]!.tone);
	});

	it('wraps long lines and keeps the newest rows when they do not all fit', () => {
		const rows = logRows(numbered(['x'.repeat(50), 'last']), {...options, wrap: true, height: 2});
		assert.deepEqual(texts(rows).map(text => text.trimEnd()), ['x'.repeat(22), '│ last']);
	});
});
