/**
 * The effective key map: default commands, the user's overrides applied, and the
 * read-only filter. One value feeds input handling, help, hints, palette and README.
 */
import type {Key} from 'ink';
import {UsageError} from '../../engine/errors.js';
import {refusedWhenReadOnly} from '../state/command-operations.js';
import {type CommandScope, type CommandSpec, defaultCommands, isValidKey} from './commands.js';

/** The commands in force, in display order. */
export type Keymap = {
	readonly commands: readonly CommandSpec[];
	readonly readOnly: boolean;
	/** Commands --read-only removed, kept so their keys can say why they do nothing. */
	readonly refused?: readonly CommandSpec[];
};

/** User overrides: command id → keys (replacing the defaults for that command). */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** Options for `buildKeymap`. */
export type KeymapOptions = {
	readonly overrides?: KeyOverrides;
	readonly readOnly?: boolean;
	/** The commands to start from (tests and later engine functions add to the defaults). */
	readonly commands?: readonly CommandSpec[];
};

/**
 * Applies overrides and the read-only filter; throws UsageError naming the command or key
 * when an override is invalid or makes two commands of overlapping scopes share a key.
 */
export function buildKeymap(options: KeymapOptions = {}): Keymap {
	const base = options.commands ?? defaultCommands;
	const overrides = options.overrides ?? {};
	const known = new Set(base.map(command => command.id));
	for (const [id, keys] of Object.entries(overrides)) {
		if (!known.has(id)) throw new UsageError(`keys.${id}: unknown command (known: ${[...known].join(', ')})`);
		if (!Array.isArray(keys) || keys.length === 0) throw new UsageError(`keys.${id}: give at least one key`);
		for (const key of keys) {
			if (typeof key !== 'string' || !isValidKey(key)) throw new UsageError(`keys.${id}: "${String(key)}" is not a key (use a character, ctrl-x, or one of up, down, enter, escape, tab, shift-tab, pageup, pagedown, home, end, space)`);
		}
	}
	const all = base.map(command => (overrides[command.id] ? {...command, keys: [...overrides[command.id]!]} : command));
	// The operations table decides what read-only refuses (the same flag the engine's runner checks).
	const removed = (command: CommandSpec) => Boolean(options.readOnly && refusedWhenReadOnly(command));
	const commands = all.filter(command => !removed(command));
	assertNoConflicts(all);
	return {commands, readOnly: options.readOnly ?? false, refused: all.filter(removed)};
}

/** A command's short name for messages: its hint, else its id's last part in words (`scale up`). */
export const commandName = (command: CommandSpec): string => command.hint ?? command.id.split('.').at(-1)!.replace(/[A-Z]/g, letter => ` ${letter.toLowerCase()}`);

/** Why `name` does nothing under --read-only, when it is the key of a removed command. */
export function refusal(keymap: Keymap, name: string): string | undefined {
	const command = keymap.refused?.find(entry => entry.keys.includes(name));
	return command ? readOnlyMessage(commandName(command)) : undefined;
}

/** The one wording of a refusal under --read-only. */
export const readOnlyMessage = (what: string): string => `read-only: ${what} is disabled (started with --read-only)`;

const overlaps = (a: CommandScope, b: CommandScope) => a === 'global' || b === 'global' || a === b;

function assertNoConflicts(commands: readonly CommandSpec[]): void {
	for (const [index, command] of commands.entries()) {
		for (const other of commands.slice(index + 1)) {
			if (!overlaps(command.scope, other.scope)) continue;
			const shared = command.keys.find(key => other.keys.includes(key));
			if (shared) throw new UsageError(`keys: "${shared}" is bound to both ${command.id} and ${other.id}`);
		}
	}
}

/** Turns one Ink key press into the binding notation (`j`, `G`, `ctrl-r`, `shift-tab`, `enter`). */
export function keyName(input: string, key: Key): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	if (key.ctrl && /^[a-z]$/i.test(input)) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	if ([...input].length === 1) return input;
	return undefined;
}

/**
 * The command a key runs where the focus is: a command of the focused scope wins over a
 * global one bound to the same key.
 */
export function resolveKey(keymap: Keymap, name: string, focus: 'list' | 'main'): CommandSpec | undefined {
	const matching = keymap.commands.filter(command => command.keys.includes(name) && (command.scope === 'global' || command.scope === focus));
	return matching.find(command => command.scope === focus) ?? matching[0];
}

/** The command with this id, if it is in force (absent under --read-only or not yet built). */
export const findCommand = (keymap: Keymap, id: string): CommandSpec | undefined => keymap.commands.find(command => command.id === id);

/** Keys shown for a command: `j/down`. */
export const keyLabel = (command: CommandSpec): string => command.keys.join('/');

/** The compact hint line for a focus: `? help  q quit  r restart ...` (help and quit first, so a narrow terminal still shows them). */
export function hintLine(keymap: Keymap, focus: 'list' | 'main'): string {
	const first = new Set(['help.toggle', 'app.quit']);
	const shown = keymap.commands.filter(command => command.hint && (command.scope === 'global' || command.scope === focus));
	return [...shown.filter(command => first.has(command.id)), ...shown.filter(command => !first.has(command.id))]
		.map(command => `${command.keys[0]} ${command.hint}`)
		.join('  ');
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

/** README's key table, generated from the default map so the two never drift. */
export function renderKeyTable(keymap: Keymap = buildKeymap()): string {
	const rows = keymap.commands.map(
		command => `| ${command.keys.map(key => `\`${key === '`' ? '``' : escapeCell(key)}\``).join(' ')} | ${escapeCell(command.description)}${command.dangerous ? ' (asks to confirm)' : ''} | \`${command.id}\` |`,
	);
	return ['| keys | what it does | command id |', '| --- | --- | --- |', ...rows].join('\n');
}
