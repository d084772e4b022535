/**
 * `# deckhand-ignore RULE[, RULE...]` comments: a finding is silenced when such a comment
 * naming its rule is on the finding's line or the line just above.
 */
import type {Finding} from './types.js';

const ignorePattern = /#\s*deckhand-ignore\b[ \t]*([^\n#]*)/;

/** Line number (1-based) → rule ids silenced by a comment on that line. */
export function readIgnoreComments(text: string): Map<number, Set<string>> {
	const out = new Map<number, Set<string>>();
	text.split(/\r?\n/).forEach((line, index) => {
		const match = ignorePattern.exec(line);
		if (!match) return;
		const rules = match[1]!.split(/[\s,]+/).filter(Boolean);
		if (rules.length > 0) out.set(index + 1, new Set(rules));
	});
	return out;
}

/** Drops findings silenced by an ignore comment in their file; `texts` maps file → contents. */
export function applyIgnoreComments(findings: readonly Finding[], texts: ReadonlyMap<string, string>): Finding[] {
	const byFile = new Map<string, Map<number, Set<string>>>();
	const ignoresOf = (file: string) => {
		if (!byFile.has(file)) byFile.set(file, readIgnoreComments(texts.get(file) ?? ''));
		return byFile.get(file)!;
	};
	return findings.filter(item => {
		const ignores = ignoresOf(item.file);
		return ![item.line, item.line - 1].some(line => ignores.get(line)?.has(item.rule));
	});
}
