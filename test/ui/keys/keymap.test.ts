import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {defaultCommands, isValidKey} from '../../../source/ui/keys/commands.js';
import {buildKeymap, findCommand, hintLine, keyName, refusal, renderKeyTable, resolveKey} from '../../../source/ui/keys/keymap.js';

const noKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};

describe('the key map', () => {
	it('gives every command an id, at least one valid key and a description', () => {
		const ids = new Set<string>();
		for (const command of defaultCommands) {
			assert.ok(!ids.has(command.id), `duplicate id ${command.id}`);
			ids.add(command.id);
			assert.ok(command.keys.length > 0, `${command.id} has no key`);
			for (const key of command.keys) assert.ok(isValidKey(key), `${command.id}: invalid key ${key}`);
			assert.ok(command.description.length > 3, `${command.id} has no description`);
		}
	});

	it('has the product defaults: j/k, tab, 1-6, [ ], enter, /, :, r, s, S, e, ?, q', () => {
		const keymap = buildKeymap();
		const expect = {j: 'cursor.down', k: 'cursor.up', tab: 'panel.next', 'shift-tab': 'panel.previous', '1': 'panel.engine', '6': 'panel.networks', '[': 'tab.previous', ']': 'tab.next', enter: 'focus.main', '/': 'list.filter', ':': 'palette.open', r: 'container.restart', R: 'service.restartWithDependents', u: 'project.up', g: 'chart.open', s: 'container.stop', S: 'container.start', e: 'container.exec', '?': 'help.toggle', q: 'app.quit', o: 'list.sort', E: 'events.toggle'};
		for (const [key, id] of Object.entries(expect)) assert.equal(resolveKey(keymap, key, 'list')?.id, id, key);
	});

	it('marks restart and stop dangerous, and --read-only removes every mutating command', () => {
		const keymap = buildKeymap({readOnly: true});
		for (const id of ['container.restart', 'container.stop', 'container.start', 'container.exec', 'service.restartWithDependents', 'project.up']) assert.equal(findCommand(keymap, id), undefined, id);
		assert.ok(findCommand(buildKeymap(), 'container.restart')?.dangerous);
		assert.ok(!hintLine(keymap, 'list').includes('restart'));
		assert.ok(findCommand(keymap, 'app.quit'));
		// A removed key says why it does nothing; a key that was never bound says nothing.
		assert.equal(refusal(keymap, 'r'), 'read-only: restart is disabled (started with --read-only)');
		assert.equal(refusal(keymap, '+'), 'read-only: scale up is disabled (started with --read-only)');
		assert.equal(refusal(keymap, 'Z'), undefined);
		assert.equal(refusal(buildKeymap(), 'r'), undefined);
	});

	it('applies user overrides and rejects unknown commands, bad keys and conflicts with a message naming them', () => {
		const keymap = buildKeymap({overrides: {'container.restart': ['ctrl-r']}});
		assert.equal(resolveKey(keymap, 'ctrl-r', 'list')?.id, 'container.restart');
		assert.equal(resolveKey(keymap, 'r', 'list'), undefined);
		assert.throws(() => buildKeymap({overrides: {'nope.command': ['x']}}), /keys\.nope\.command: unknown command/);
		assert.throws(() => buildKeymap({overrides: {'container.restart': ['ctrl-shift-f12']}}), /keys\.container\.restart: "ctrl-shift-f12" is not a key/);
		assert.throws(() => buildKeymap({overrides: {'container.restart': []}}), /at least one key/);
		assert.throws(() => buildKeymap({overrides: {'container.restart': ['q']}}), /"q" is bound to both container\.restart and app\.quit/);
	});

	it('lets a main-area command share a key with a list-only one (n searches in logs only)', () => {
		const keymap = buildKeymap();
		assert.equal(resolveKey(keymap, 'n', 'main')?.id, 'search.next');
		assert.equal(resolveKey(keymap, 'n', 'list'), undefined);
		assert.equal(resolveKey(keymap, 'escape', 'main')?.id, 'focus.list');
	});

	it('names Ink key presses in the binding notation', () => {
		assert.equal(keyName('', {...noKey, downArrow: true}), 'down');
		assert.equal(keyName('', {...noKey, tab: true, shift: true}), 'shift-tab');
		assert.equal(keyName('r', {...noKey, ctrl: true}), 'ctrl-r');
		assert.equal(keyName('S', noKey), 'S');
		assert.equal(keyName('', {...noKey, return: true}), 'enter');
		assert.equal(keyName('ab', noKey), undefined);
	});

	it('renders README\'s key table from the same map, one row per command', () => {
		const table = renderKeyTable();
		assert.equal(table.split('\n').length, defaultCommands.length + 2);
		assert.match(table, /\| `r` \| Restart the selected container or service \(asks to confirm\) \| `container\.restart` \|/);
		assert.match(table, /\| `j` `down` \| Move down \|/);
	});
});
