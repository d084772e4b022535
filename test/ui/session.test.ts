import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {consoleReducer, initialState} from '../../source/ui/state/console-state.js';
import {createSessionStore, parseSession, restoreSession, sessionFile, sessionOf} from '../../source/ui/state/session.js';

describe('memory of the session', () => {
	it('lives under $XDG_STATE_HOME/deckhand, else ~/.local/state/deckhand', () => {
		assert.equal(sessionFile({XDG_STATE_HOME: '/state'}, '/home/me'), '/state/deckhand/session.json');
		assert.equal(sessionFile({}, '/home/me'), '/home/me/.local/state/deckhand/session.json');
		assert.equal(sessionFile({XDG_STATE_HOME: 'relative'}, '/home/me'), '/home/me/.local/state/deckhand/session.json');
	});

	it('reads theme, panel and order, and ignores a bad file or bad fields', () => {
		assert.deepEqual(parseSession('{"theme":"light","panel":"containers","sort":"cpu"}'), {theme: 'light', panel: 'containers', sort: 'cpu'});
		assert.deepEqual(parseSession('{"theme":"../../etc/x","panel":"nope","sort":7,"extra":1}'), {});
		for (const text of [undefined, '', 'not json', '[1]', 'null', '"x"']) assert.deepEqual(parseSession(text), {}, String(text));
	});

	it('restores panel and order into a fresh state and saves what changed, debounced, once', async () => {
		const restored = restoreSession(initialState('light'), {panel: 'containers', sort: 'memory'});
		assert.deepEqual(sessionOf(restored), {panel: 'containers', sort: 'memory'}, 'a theme the user did not pick (NO_COLOR, --theme) is not remembered');
		assert.deepEqual(sessionOf(consoleReducer(restored, {type: 'setTheme', name: 'high-contrast'})), {theme: 'high-contrast', panel: 'containers', sort: 'memory'});
		const writes: string[] = [];
		const store = createSessionStore({file: '/x/session.json', delayMs: 20, files: {read: () => 'garbage', write: (_path, text) => void writes.push(text)}});
		assert.deepEqual(store.load(), {});
		store.save({theme: 'a', panel: 'services', sort: 'name'});
		store.save({theme: 'b', panel: 'services', sort: 'name'});
		await new Promise(resolve => setTimeout(resolve, 60));
		assert.deepEqual(writes, ['{"theme":"b","panel":"services","sort":"name"}\n']);
		store.save({theme: 'b', panel: 'services', sort: 'name'});
		store.flush();
		assert.equal(writes.length, 1, 'an unchanged session is not written again');
	});

	it('survives a file system that refuses writes', () => {
		const store = createSessionStore({file: '/x', files: {read: () => undefined, write: () => {
			throw new Error('EROFS');
		}}});
		store.save({theme: 'x'});
		assert.doesNotThrow(() => store.flush());
	});
});
