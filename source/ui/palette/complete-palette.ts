/**
 * Tab completion in the `:` palette, pure: the verb while the first word is typed, then the
 * argument from what the verb takes (service and container names, theme names). Completes
 * as far as the candidates agree and returns them, so an ambiguous tab can list them.
 */

/** What can complete an argument, by verb. */
export type PaletteCandidates = {
	readonly verbs: readonly string[];
	/** Names a verb's argument may take; verbs absent here take none that can complete. */
	readonly argumentsOf: (verb: string) => readonly string[];
};

/** The completed text and the candidates that still match (for an ambiguous tab). */
export type PaletteCompletion = {readonly text: string; readonly candidates: readonly string[]};

const commonPrefix = (values: readonly string[]): string => {
	let common = values[0] ?? '';
	for (const value of values) while (!value.toLowerCase().startsWith(common.toLowerCase())) common = common.slice(0, -1);
	return common;
};

function completeWord(partial: string, options: readonly string[]): {word: string; candidates: string[]; unique: boolean} {
	const candidates = [...new Set(options)].filter(option => option.toLowerCase().startsWith(partial.toLowerCase())).sort();
	if (candidates.length === 0) return {word: partial, candidates, unique: false};
	if (candidates.length === 1) return {word: candidates[0]!, candidates, unique: true};
	const common = commonPrefix(candidates);
	return {word: common.length > partial.length ? common : partial, candidates, unique: false};
}

/** Completes a palette line (without the `:`). */
export function completePalette(text: string, candidates: PaletteCandidates): PaletteCompletion {
	const match = /^(\s*)(\S*)(\s+)?(.*)$/.exec(text)!;
	const [, lead = '', verb = '', gap, argument = ''] = match;
	if (gap === undefined) {
		const {word, candidates: verbs, unique} = completeWord(verb, candidates.verbs);
		return {text: `${lead}${word}${unique && candidates.argumentsOf(word).length > 0 ? ' ' : ''}`, candidates: unique ? [] : verbs};
	}
	const {word, candidates: names, unique} = completeWord(argument, candidates.argumentsOf(verb));
	return {text: `${lead}${verb}${gap}${word}`, candidates: unique ? [] : names};
}
