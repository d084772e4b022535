import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {consoleReducer, initialState, type ConsoleAction, type ConsoleState} from '../../source/ui/state/console-state.js';

const apply = (state: ConsoleState, ...actions: ConsoleAction[]) => actions.reduce(consoleReducer, state);
const logsState = initialState();

describe('Logs pager keys in the console state', () => {
	it('k (scroll towards older) pauses; j can go below the pause point; the pager clamps, not the reducer', () => {
		const paused = apply(logsState, {type: 'scroll', delta: 3});
		assert.equal(paused.scroll, 3);
		assert.equal(paused.logs.follow, false);
		assert.equal(apply(paused, {type: 'scroll', delta: -5}).scroll, -2);
		assert.equal(apply(paused, {type: 'setScroll', scroll: 1}).scroll, 1);
	});

	it('end (a jump to the newest) follows again', () => {
		const state = apply(logsState, {type: 'scroll', delta: 10}, {type: 'scroll', delta: -100_000});
		assert.deepEqual([state.scroll, state.logs.follow], [0, true]);
	});

	it('a search or a match move starts from the match (scroll 0); n counts on; escape clears search and filter', () => {
		const searching = apply(logsState, {type: 'scroll', delta: 4}, {type: 'setSearch', search: 'ERROR'}, {type: 'toggleLogs', option: 'filter'});
		assert.deepEqual([searching.scroll, searching.logs.follow, searching.logs.filter, searching.logs.match], [0, false, true, 0]);
		const moved = apply(searching, {type: 'scroll', delta: 2}, {type: 'moveMatch', delta: 1});
		assert.deepEqual([moved.scroll, moved.logs.match], [0, 1]);
		const cleared = apply(moved, {type: 'setSearch', search: ''});
		assert.deepEqual([cleared.logs.search, cleared.logs.filter], ['', false]);
	});

	it('other tabs keep scrolling from the top, never below 0', () => {
		const stats = apply(logsState, {type: 'selectTab', tab: 'stats'}, {type: 'scroll', delta: -3});
		assert.equal(stats.scroll, 0);
	});
});
