/**
 * A Dockerfile reader for linting: instructions with their line span, parser directives
 * (`# escape=`), line continuations, comment lines inside continuations, BuildKit heredocs
 * (`RUN <<EOF ... EOF`), flags (`--mount=...`), exec (JSON) vs shell form, and stages.
 * Never executes anything; truly invalid input throws `UsageError` with `file:line: reason`.
 */
import {UsageError} from '../errors.js';

/** One heredoc body attached to an instruction (`<<EOF`, `<<-EOF`, `<<"EOF"`). */
export type Heredoc = {
	readonly marker: string;
	/** Line of the first body line. */
	readonly line: number;
	readonly body: string;
};

/** One instruction, continuations joined, with the lines it spans. */
export type Instruction = {
	/** Upper-case keyword: `RUN`, `FROM`, ... */
	readonly keyword: string;
	readonly line: number;
	/** Last line of the instruction, heredoc terminators included. */
	readonly endLine: number;
	/** Leading `--name=value` flags (`--mount`, `--from`, `--platform`, `--chown`...); a bare flag maps to `''`. */
	readonly flags: Readonly<Record<string, string>>;
	/** Arguments after the flags, continuations joined, trimmed. */
	readonly args: string;
	/** The JSON array when the instruction uses exec form. */
	readonly exec?: readonly string[];
	readonly heredocs: readonly Heredoc[];
};

/** One build stage: `FROM base [AS name]` and the instructions up to the next FROM. */
export type Stage = {
	readonly index: number;
	readonly name?: string;
	readonly base: string;
	readonly line: number;
	readonly instructions: readonly Instruction[];
};

/** A parsed Dockerfile. */
export type Dockerfile = {
	readonly file: string;
	readonly escape: '\\' | '`';
	/** Parser directives (lower-case keys), e.g. `{escape: '`', syntax: 'docker/dockerfile:1'}`. */
	readonly directives: Readonly<Record<string, string>>;
	/** `ARG`s before the first FROM, then every stage's instructions, in file order. */
	readonly instructions: readonly Instruction[];
	readonly stages: readonly Stage[];
};

/** Every instruction Docker knows. */
export const dockerfileKeywords = new Set([
	'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
	'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

const withHeredocs = new Set(['RUN', 'COPY', 'ADD']);
const withFlags = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const withExecForm = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

const directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const isComment = (line: string) => /^\s*#/.test(line);
const isBlank = (line: string) => line.trim() === '';

/** Reads the parser directives at the very top; they end at the first line that is not one. */
function readDirectives(file: string, lines: readonly string[]): {directives: Record<string, string>; escape: '\\' | '`'; next: number} {
	const directives: Record<string, string> = {};
	let index = 0;
	for (; index < lines.length; index++) {
		const match = directivePattern.exec(lines[index]!);
		if (!match) break;
		const key = match[1]!.toLowerCase();
		if (key in directives) throw new UsageError(`${file}:${index + 1}: parser directive "${key}" is set twice`);
		directives[key] = match[2]!;
	}
	const escape = directives.escape ?? '\\';
	if (escape !== '\\' && escape !== '`') throw new UsageError(`${file}:${lines.findIndex(line => /^#\s*escape\s*=/i.test(line)) + 1}: invalid escape directive "${escape}" (use \\ or \`)`);
	return {directives, escape, next: index};
}

/** Splits leading `--flag[=value]` words off the arguments. */
function splitFlags(text: string): {flags: Record<string, string>; rest: string} {
	const flags: Record<string, string> = {};
	let rest = text.trimStart();
	for (let match = /^--([a-zA-Z][\w-]*)(?:=("[^"]*"|'[^']*'|\S*))?(?:\s+|$)/.exec(rest); match; match = /^--([a-zA-Z][\w-]*)(?:=("[^"]*"|'[^']*'|\S*))?(?:\s+|$)/.exec(rest)) {
		flags[match[1]!] = (match[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
		rest = rest.slice(match[0].length);
	}
	return {flags, rest: rest.trim()};
}

/** The JSON array of an exec-form argument, or undefined for shell form (as Docker decides). */
function parseExecForm(text: string): string[] | undefined {
	if (!text.startsWith('[')) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) && value.every(item => typeof item === 'string') ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Parses Dockerfile text. `file` is only used in error messages and the result. */
export function parseDockerfile(text: string, file: string): Dockerfile {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const {directives, escape, next} = readDirectives(file, lines);
	const instructions: Instruction[] = [];
	const stages: Array<Omit<Stage, 'instructions'> & {instructions: Instruction[]}> = [];

	let index = next;
	while (index < lines.length) {
		if (isBlank(lines[index]!) || isComment(lines[index]!)) {
			index++;
			continue;
		}
		const start = index;
		// Join continuation lines; comment and empty lines inside a continuation are dropped, as Docker does.
		let joined = '';
		for (;;) {
			const current = lines[index]!.replace(/[ \t]+$/, '');
			index++;
			if (!current.endsWith(escape)) {
				joined += current;
				break;
			}
			joined += current.slice(0, -1);
			while (index < lines.length && (isComment(lines[index]!) || isBlank(lines[index]!))) index++;
			if (index >= lines.length) break;
		}

		// A line that is only an escape character joins nothing.
		const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(joined);
		if (!match) continue;
		const keyword = match[1]!.toUpperCase();
		if (!dockerfileKeywords.has(keyword)) throw new UsageError(`${file}:${start + 1}: unknown instruction "${match[1]}"`);
		const {flags, rest} = withFlags.has(keyword) ? splitFlags(match[2]!) : {flags: {}, rest: match[2]!.trim()};

		const heredocs: Heredoc[] = [];
		if (withHeredocs.has(keyword)) {
			for (const marker of rest.matchAll(/(?<!<)<<(?!<)(-?)(["']?)([A-Za-z_][\w.-]*)\2/g)) {
				const [, dash, , word] = marker;
				const bodyStart = index;
				const body: string[] = [];
				for (;;) {
					if (index >= lines.length) throw new UsageError(`${file}:${start + 1}: heredoc <<${word} is never closed (no line "${word}")`);
					const line = dash ? lines[index]!.replace(/^\t+/, '') : lines[index]!;
					index++;
					if (line === word) break;
					body.push(line);
				}
				heredocs.push({marker: word!, line: bodyStart + 1, body: body.join('\n')});
			}
		}

		if (keyword === 'FROM') {
			const words = rest.split(/\s+/).filter(Boolean);
			if (words.length === 0) throw new UsageError(`${file}:${start + 1}: FROM needs an image`);
			const named = words.length >= 3 && words[1]!.toUpperCase() === 'AS' ? words[2] : undefined;
			if (words.length > 1 && !named) throw new UsageError(`${file}:${start + 1}: FROM takes "image [AS name]", got "${rest}"`);
			stages.push({index: stages.length, name: named?.toLowerCase(), base: words[0]!, line: start + 1, instructions: []});
		} else if (stages.length === 0 && keyword !== 'ARG') {
			throw new UsageError(`${file}:${start + 1}: ${keyword} before the first FROM`);
		} else if (rest === '') {
			throw new UsageError(`${file}:${start + 1}: ${keyword} needs arguments`);
		}

		const instruction: Instruction = {
			keyword,
			line: start + 1,
			endLine: index,
			flags,
			args: rest,
			exec: withExecForm.has(keyword) ? parseExecForm(rest) : undefined,
			heredocs,
		};
		instructions.push(instruction);
		stages.at(-1)?.instructions.push(instruction);
	}
	if (stages.length === 0) throw new UsageError(`${file}:1: no FROM instruction`);
	return {file, escape, directives, instructions, stages};
}
