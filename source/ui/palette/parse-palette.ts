/**
 * The `:` command palette's language: `:logs api`, `:stats api`, `:theme light`,
 * `:restart api`, `:stop api`, `:start api`, `:context NAME`, `:filter TEXT`, `:help`,
 * `:quit`. The operations take the CLI's arguments, parsed with the commands' own flag specs
 * (`:deploy svc app.tgz --path /app`, `:scale web=3`, `:restart api --with-dependents`).
 * Parsing is pure; verbs whose command is not in the key map (read-only, or not built yet)
 * are unknown here too.
 */
import {operationFlags} from '../../commands/flags.js';
import {parseArgs, splitWords} from '../../commands/parse-args.js';
import {normaliseSignal, signalProblem} from '../../engine/compose/signals.js';
import {parseSize} from '../../engine/deploy/size.js';
import {parseDuration} from '../../engine/duration.js';
import {readOnlyMessage, type Keymap} from '../keys/keymap.js';
import type {TabId} from '../state/console-state.js';

/** A parsed palette line. */
export type PaletteCommand =
	| {readonly kind: 'show'; readonly tab: TabId; readonly name?: string}
	| {readonly kind: 'theme'; readonly name: string}
	/** `:theme` alone: list the themes. */
	| {readonly kind: 'themes'}
	/** `argument`: the deploy tarball; `options`: the CLI flags given (camelCase), `timeoutMs`, reload's `killSignal`, deploy's `maxBytes`, scale's `replicas`. */
	| {readonly kind: 'action'; readonly commandId: string; readonly name?: string; readonly argument?: string; readonly options?: Readonly<Record<string, unknown>>}
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
	reload: 'service.reload', deploy: 'service.deploy', rollback: 'service.rollback', scale: 'swarm.scaleUp',
};

/** The CLI command whose flag spec a palette verb takes. */
const flagsOf: Readonly<Record<string, keyof typeof operationFlags>> = {
	restart: 'restart', 'restart-dependents': 'restart', stop: 'stop', start: 'start', up: 'up', reload: 'reload', deploy: 'deploy', rollback: 'rollback', scale: 'scale',
};

/** An action verb's words parsed like its CLI command: the target name, the tarball, the flags. */
function parseAction(verb: string, commandId: string, words: readonly string[]): PaletteCommand | {readonly error: string} {
	const spec = flagsOf[verb];
	if (!spec) return {kind: 'action', commandId, ...(words.length > 0 ? {name: words.join(' ')} : {})};
	const parsed = parseArgs(words, operationFlags[spec]);
	if ('error' in parsed) return {error: `${verb}: ${parsed.error}`};
	const options: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(parsed.flags)) if (value !== (operationFlags[spec] as Record<string, {default?: unknown}>)[key]?.default) options[key] = value;
	if (typeof options.timeout === 'string') {
		const timeoutMs = parseDuration(options.timeout);
		if (timeoutMs === undefined) return {error: `${verb}: invalid --timeout "${options.timeout}" (use e.g. 30s, 2m)`};
		options.timeoutMs = timeoutMs;
	}
	// `:reload api --signal hup` sends what `deckhand reload api --signal hup` sends (and refuses what it refuses).
	if (typeof options.signal === 'string') {
		const killSignal = normaliseSignal(options.signal);
		if (killSignal === undefined) return {error: `${verb}: --signal: ${signalProblem(options.signal)}`};
		options.killSignal = killSignal;
	}
	// `:deploy … --max-size 500MiB --keep 3`: checked and read as deckhand deploy reads them.
	if (typeof options.maxSize === 'string') {
		const maxBytes = parseSize(options.maxSize);
		if (maxBytes === undefined) return {error: `${verb}: invalid --max-size "${options.maxSize}" (use e.g. 200MiB)`};
		options.maxBytes = maxBytes;
	}
	if (options.keep !== undefined && (!Number.isInteger(options.keep) || (options.keep as number) < 1)) return {error: `${verb}: --keep must be a whole number ≥ 1 (got ${String(options.keep)})`};
	let id = commandId;
	let [name, argument, ...extra] = parsed.input;
	if (verb === 'scale') {
		const match = name === undefined ? null : /^([^=\s]+)=(\d+)$/.exec(name);
		if (!match || argument !== undefined) return {error: 'scale takes one SERVICE=REPLICAS, e.g. :scale web=3'};
		name = match[1];
		options.replicas = Number(match[2]);
		if (options.replicas === 0) id = 'swarm.scaleDown';
	} else if (verb === 'deploy') {
		if (extra.length > 0) return {error: 'deploy takes SERVICE TARBALL [--path DIR]'};
	} else if (argument !== undefined) return {error: `${verb} takes one NAME (got "${parsed.input.join(' ')}")`};
	if (verb === 'restart' && options.withDependents === true) id = 'service.restartWithDependents';
	return {kind: 'action', commandId: id, ...(name === undefined ? {} : {name}), ...(argument === undefined ? {} : {argument}), ...(Object.keys(options).length > 0 ? {options} : {})};
}

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
			.map(([verb, commandId]) => ({verb, argument: verb === 'scale' ? 'SERVICE=N' : verb === 'deploy' ? 'NAME TARBALL [--path DIR]' : '[NAME] [--flags as the CLI]', description: `${verb} a service or container`, commandId})),
		{verb: 'help', argument: '', description: 'show keys'},
		{verb: 'quit', argument: '', description: 'leave deckhand'},
	];
}

/** Parses a palette line (without the `:`); returns an error message for bad input. */
export function parsePalette(line: string, keymap: Keymap): PaletteCommand | {readonly error: string} {
	const [verb = '', ...rest] = splitWords(line.trim());
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
		return parseAction(verb, commandId, rest);
	}
	return {error: `unknown command "${verb}" (try: ${paletteVerbs(keymap).map(entry => entry.verb).join(', ')})`};
}
