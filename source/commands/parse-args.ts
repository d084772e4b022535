/**
 * A small parser over the commands' meow flag specs (flags.ts), pure, for argument lists that
 * do not come from process.argv (the console's palette). Same names as meow: `--kebab-case`
 * or the short flag, `--flag=value`, `--no-flag` for booleans, repeated multiple flags.
 */

/** One flag of a meow spec, as far as this parser reads it. */
export type FlagSpec = {readonly type: 'string' | 'boolean' | 'number'; readonly shortFlag?: string; readonly isMultiple?: boolean; readonly default?: unknown};

/** Parsed words: the positional input and the flags by camelCase name. */
export type ParsedArgs = {readonly input: string[]; readonly flags: Record<string, unknown>};

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Splits a line into words; "double" or 'single' quotes keep spaces. */
export function splitWords(line: string): string[] {
	const words: string[] = [];
	for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
	return words;
}

/** Parses `words` with `spec`; returns an error line for an unknown flag or a missing/bad value. */
export function parseArgs(words: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ParsedArgs | {readonly error: string} {
	const flags: Record<string, unknown> = {};
	for (const [name, flag] of Object.entries(spec)) if (flag.default !== undefined) flags[name] = flag.default;
	const input: string[] = [];
	const byShort = new Map(Object.entries(spec).flatMap(([name, flag]) => (flag.shortFlag ? [[flag.shortFlag, name] as const] : [])));
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		if (word === '--') {
			input.push(...words.slice(index + 1));
			break;
		}
		if (!word.startsWith('-') || word === '-' || /^-\d/.test(word)) {
			input.push(word);
			continue;
		}
		const [raw, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
		let name = raw.startsWith('--') ? camel(raw.slice(2)) : byShort.get(raw.slice(1));
		let negated = false;
		if (name && !spec[name] && name.startsWith('no') && spec[name[2]!.toLowerCase() + name.slice(3)]?.type === 'boolean') {
			name = name[2]!.toLowerCase() + name.slice(3);
			negated = true;
		}
		const flag = name === undefined ? undefined : spec[name];
		if (!flag || name === undefined) return {error: `unknown option ${raw}`};
		let value: unknown;
		if (flag.type === 'boolean') value = negated ? false : inline === undefined ? true : inline !== 'false';
		else {
			const text = inline ?? words[++index];
			if (text === undefined) return {error: `${raw} needs a value`};
			value = flag.type === 'number' ? Number(text) : text;
			if (flag.type === 'number' && !Number.isFinite(value as number)) return {error: `${raw} needs a number (got "${text}")`};
		}
		flags[name] = flag.isMultiple ? [...((flags[name] as unknown[] | undefined) ?? []), value] : value;
	}
	return {input, flags};
}
