/**
 * The `:` command palette's language: `:logs api`, `:stats api`, `:theme light`,
 * `:restart api`, `:stop api`, `:start api`, `:context NAME`, `:filter TEXT`, `:help`,
 * `:quit`. Parsing is pure; verbs whose command is not in the key map (read-only, or not
 * built yet) are unknown here too.
 */
import {readOnlyMessage, type Keymap} from '../keys/keymap.js';
import type {TabId} from '../state/console-state.js';

/** A parsed palette line. */
export type PaletteCommand =
	| {readonly kind: 'show'; readonly tab: TabId; readonly name?: string}
	| {readonly kind: 'theme'; readonly name: string}
	/** `:theme` alone: list the themes. */
	| {readonly kind: 'themes'}
	| {readonly kind: 'action'; readonly commandId: string; readonly name?: string}
	| {readonly kind: 'context'; readonly name: string}
	| {readonly kind: 'filter'; readonly text: string}
	| {readonly kind: 'help'}
	| {readonly kind: 'quit'};

/** A palette verb, its argument and what it does (for help and completion). */
export type PaletteVerb = {readonly verb: string; readonly argument: string; readonly description: string; readonly commandId?: string};

const showVerbs: Readonly<Record<string, TabId>> = {logs: 'logs', stats: 'stats', health: 'health', inspect: 'inspect', top: 'top'};
const actionVerbs: Readonly<Record<string, string>> = {
	restart: 'container.restart', stop: 'container.stop', start: 'container.start', exec: 'container.exec', shell: 'container.exec',
	'restart-dependents': 'service.restartWithDependents', up: 'project.up',
	reload: 'service.reload', deploy: 'service.deploy', rollback: 'service.rollback',
};

/** The verbs available with this key map. */
export function paletteVerbs(keymap: Keymap): PaletteVerb[] {
	const available = new Set(keymap.commands.map(command => command.id));
	return [
		...Object.keys(showVerbs).map(verb => ({verb, argument: '[NAME]', description: `show ${verb} of a service or container`})),
		{verb: 'theme', argument: '[NAME]', description: 'switch theme (default, light, high-contrast, monochrome, or yours); alone, list them'},
		{verb: 'context', argument: 'NAME', description: 'connect to another docker context'},
		{verb: 'filter', argument: 'TEXT', description: 'filter the focused list'},
		...Object.entries(actionVerbs)
			.filter(([, id]) => available.has(id))
			.map(([verb, commandId]) => ({verb, argument: '[NAME]', description: `${verb} a service or container`, commandId})),
		{verb: 'help', argument: '', description: 'show keys'},
		{verb: 'quit', argument: '', description: 'leave deckhand'},
	];
}

/** Parses a palette line (without the `:`); returns an error message for bad input. */
export function parsePalette(line: string, keymap: Keymap): PaletteCommand | {readonly error: string} {
	const [verb = '', ...rest] = line.trim().split(/\s+/);
	const argument = rest.join(' ');
	const name = argument === '' ? undefined : argument;
	if (verb === '') return {error: 'type a command, e.g. logs api, theme light, restart api'};
	if (verb in showVerbs) return {kind: 'show', tab: showVerbs[verb]!, name};
	if (verb === 'theme') return name ? {kind: 'theme', name} : {kind: 'themes'};
	if (verb === 'context') return name ? {kind: 'context', name} : {error: 'context needs a name, e.g. :context prod'};
	if (verb === 'filter') return {kind: 'filter', text: argument};
	if (verb === 'help') return {kind: 'help'};
	if (verb === 'quit' || verb === 'q') return {kind: 'quit'};
	const commandId = actionVerbs[verb];
	if (commandId) {
		if (!keymap.commands.some(command => command.id === commandId)) return {error: keymap.readOnly ? readOnlyMessage(verb) : `${verb} is not available`};
		return {kind: 'action', commandId, name};
	}
	return {error: `unknown command "${verb}" (try: ${paletteVerbs(keymap).map(entry => entry.verb).join(', ')})`};
}
