import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {configDirectory, loadConfig, parseConfig} from '../../../source/ui/config/config.js';

describe('user config', () => {
	it('lives in $XDG_CONFIG_HOME/deckhand, else ~/.config/deckhand', () => {
		assert.equal(configDirectory({XDG_CONFIG_HOME: '/x'}, '/home/op'), '/x/deckhand');
		assert.equal(configDirectory({}, '/home/op'), '/home/op/.config/deckhand');
		assert.equal(configDirectory({XDG_CONFIG_HOME: 'relative'}, '/home/op'), '/home/op/.config/deckhand');
	});

	it('reads theme and key overrides (a single key or a list)', () => {
		assert.deepEqual(parseConfig('theme: light\nkeys:\n  container.restart: ctrl-r\n  cursor.down: [j, down]\n', 'c.yaml'), {theme: 'light', keys: {'container.restart': ['ctrl-r'], 'cursor.down': ['j', 'down']}});
		assert.deepEqual(parseConfig('', 'c.yaml'), {keys: {}});
	});

	it('rejects bad files with the file and field named', () => {
		assert.throws(() => parseConfig('theme: [a]', 'c.yaml'), /config c\.yaml: theme must be a theme name/);
		assert.throws(() => parseConfig('colour: red', 'c.yaml'), /unknown field "colour"/);
		assert.throws(() => parseConfig('keys:\n  app.quit: {x: 1}', 'c.yaml'), /keys\.app\.quit must be a key or a list of keys/);
		assert.throws(() => parseConfig('keys: [1, 2]', 'c.yaml'), /keys must map command ids/);
		assert.throws(() => parseConfig('a: [', 'c.yaml'), /not valid YAML/);
	});

	it('treats a missing file as an empty config', () => {
		assert.deepEqual(loadConfig({directory: '/nowhere', readFile: () => undefined}), {keys: {}, directory: '/nowhere'});
	});
});
