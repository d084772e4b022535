import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {highlightSegments, lowerBound, MatchIndex, pagerView, type PagerIntent} from '../../source/ui/tabs/log-pager.js';

const intent = (overrides: Partial<PagerIntent> = {}): PagerIntent => ({follow: false, search: '', filter: false, match: 0, scroll: 0, ...overrides});
const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, index) => from + index);
// 100 lines held, seqs 50..149 (50 dropped out of the ring buffer already).
const held = {firstSeq: 50, endSeq: 150};
// Every tenth line matches: 50, 60, ..., 140.
const matches = range(5, 14).map(tens => tens * 10);

describe('log pager: following and scrolling', () => {
	it('shows the newest lines while following', () => {
		const view = pagerView(intent({follow: true}), held, [], 5);
		assert.deepEqual(view.rows, [145, 146, 147, 148, 149]);
		assert.equal(view.atEnd, true);
	});

	it('stays where it paused while new lines arrive', () => {
		const before = pagerView(intent({scroll: 2}), held, [], 5, 139);
		const after = pagerView(intent({scroll: 2}), {firstSeq: 60, endSeq: 160}, [], 5, 139);
		assert.deepEqual(before.rows, [133, 134, 135, 136, 137]);
		assert.deepEqual(after.rows, before.rows);
	});

	it('scrolls up and down by any amount and clamps at both ends without blank rows', () => {
		assert.deepEqual(pagerView(intent({scroll: 1000}), held, [], 5, 149).rows, [50, 51, 52, 53, 54]);
		assert.equal(pagerView(intent({scroll: 1000}), held, [], 5, 149).scroll, 95, 'the applied scroll is the clamped one');
		assert.deepEqual(pagerView(intent({scroll: -1000}), held, [], 5, 120).rows, [145, 146, 147, 148, 149]);
		assert.equal(pagerView(intent({scroll: -1000}), held, [], 5, 120).scroll, -29);
	});

	it('shows all lines when fewer than the height', () => {
		assert.deepEqual(pagerView(intent({scroll: 3}), {firstSeq: 0, endSeq: 3}, [], 10, 2).rows, [0, 1, 2]);
		assert.deepEqual(pagerView(intent(), {firstSeq: 0, endSeq: 0}, [], 10).rows, []);
	});
});

describe('log pager: search', () => {
	it('starts on the newest match, centred, numbered 1 of N', () => {
		const view = pagerView(intent({search: 'error'}), held, matches, 5, 149);
		assert.deepEqual(view.current, {seq: 140, index: 0, count: 10});
		assert.deepEqual(view.rows, [138, 139, 140, 141, 142]);
	});

	it('n moves to older matches and wraps around; N goes back', () => {
		assert.deepEqual(pagerView(intent({search: 'error', match: 1}), held, matches, 5, 149).current, {seq: 130, index: 1, count: 10});
		assert.deepEqual(pagerView(intent({search: 'error', match: 10}), held, matches, 5, 149).current, {seq: 140, index: 0, count: 10});
		assert.deepEqual(pagerView(intent({search: 'error', match: -1}), held, matches, 5, 149).current, {seq: 50, index: 9, count: 10});
	});

	it('never shows blank rows for a match near either end', () => {
		assert.deepEqual(pagerView(intent({search: 'error', match: 9}), held, matches, 5, 149).rows, [50, 51, 52, 53, 54]);
		assert.deepEqual(pagerView(intent({search: 'error'}), {firstSeq: 50, endSeq: 142}, matches, 5, 141).rows, [137, 138, 139, 140, 141]);
	});

	it('scrolls from the current match while the search is active', () => {
		assert.deepEqual(pagerView(intent({search: 'error', scroll: 3}), held, matches, 5, 149).rows, [135, 136, 137, 138, 139]);
		assert.deepEqual(pagerView(intent({search: 'error', scroll: -4}), held, matches, 5, 149).rows, [142, 143, 144, 145, 146]);
	});

	it('counts matches only up to where the view paused, so numbers do not shift as lines arrive', () => {
		const view = pagerView(intent({search: 'error'}), held, matches, 5, 125);
		assert.deepEqual(view.current, {seq: 120, index: 0, count: 8});
	});

	it('filter mode shows only matching lines and moves between them', () => {
		const view = pagerView(intent({search: 'error', filter: true}), held, matches, 4, 149);
		assert.deepEqual(view.rows, [110, 120, 130, 140]);
		assert.deepEqual(pagerView(intent({search: 'error', filter: true, match: 6}), held, matches, 4, 149).rows, [60, 70, 80, 90]);
		assert.deepEqual(pagerView(intent({search: 'error', filter: true, follow: true}), held, matches, 3).rows, [120, 130, 140]);
	});

	it('with no match the view stays where it paused and counts 0', () => {
		const view = pagerView(intent({search: 'nothing'}), held, [], 3, 149);
		assert.deepEqual(view.rows, [147, 148, 149]);
		assert.equal(view.current, undefined);
		assert.equal(view.count, 0);
	});
});

describe('log pager: match index', () => {
	const text = (seq: number) => (seq % 10 === 0 ? `GET /x ERROR ${seq}` : `GET /x ok ${seq}`);

	it('finds matching lines case-insensitively, scanning only new lines as the buffer grows', () => {
		const index = new MatchIndex();
		let reads = 0;
		const counting = (seq: number) => {
			reads++;
			return text(seq);
		};
		assert.deepEqual(index.update('error', {firstSeq: 0, endSeq: 25}, counting), [0, 10, 20]);
		assert.equal(reads, 25);
		assert.deepEqual(index.update('error', {firstSeq: 15, endSeq: 41}, counting), [20, 30, 40]);
		assert.equal(reads, 41, 'only the 16 new lines were read');
	});

	it('rescans what is held when the needle changes', () => {
		const index = new MatchIndex();
		index.update('error', {firstSeq: 0, endSeq: 30}, text);
		assert.deepEqual(index.update('ok 1', {firstSeq: 0, endSeq: 30}, text), [1, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
		assert.deepEqual(index.update('', {firstSeq: 0, endSeq: 30}, text), []);
	});

	it('lowerBound finds the insertion point', () => {
		assert.equal(lowerBound([1, 3, 5], 0), 0);
		assert.equal(lowerBound([1, 3, 5], 3), 1);
		assert.equal(lowerBound([1, 3, 5], 6), 3);
	});
});

describe('log pager: highlight', () => {
	it('cuts every occurrence out, keeping the original case', () => {
		assert.deepEqual(highlightSegments('Error: error!', 'error'), [
			{text: 'Error', kind: 'match'},
			{text: ': ', kind: 'plain'},
			{text: 'error', kind: 'match'},
			{text: '!', kind: 'plain'},
		]);
		assert.deepEqual(highlightSegments('all fine', 'error'), [{text: 'all fine', kind: 'plain'}]);
		assert.deepEqual(highlightSegments('ERROR', 'error', true), [{text: 'ERROR', kind: 'current'}]);
	});
});
