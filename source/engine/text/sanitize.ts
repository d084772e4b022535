/**
 * Makes text that comes from a container or the daemon (names, labels, image names, log
 * lines, event attributes, env values) safe to print on a terminal: every control character
 * and escape sequence is shown visibly (`\x1b`, `\r`, `\u202e`) instead of being
 * interpreted, and over-long text is cut. Pure: same input, same output.
 */

/** Options for `sanitizeText`. */
export type SanitizeOptions = {
	/** Longest result in code points before the cut marker; default 1000. */
	readonly maxLength?: number;
	/** Spaces a tab expands to (tabs break column layout); default 4. */
	readonly tabWidth?: number;
	/**
	 * Drop well-formed SGR colour sequences (`ESC [ 1;31 m`) instead of showing them, for log
	 * lines from programs that colour their output. Every other sequence is still shown.
	 */
	readonly dropColors?: boolean;
};

/** What ends a cut line, so the reader knows text was removed. */
export const CUT_MARKER = '…';

const defaultMaxLength = 1000;

// A complete SGR sequence: ESC [ params m. Only these are droppable; anything else with ESC
// (cursor moves, OSC titles, clears) is neutralised visibly.
const sgrSequence = /\u001b\[[0-9;:]*m/g;

// Bidirectional marks, overrides and isolates reorder what the reader sees (Trojan Source);
// zero-width, joiner, word-joiner, invisible-operator, deprecated-format and tag characters
// hide text; line/paragraph separators break it. All are shown as \u escapes. Beyond these
// ranges every other format character (Unicode category Cf, e.g. U+00AD, U+180E) is too.
const invisibleRanges: ReadonlyArray<readonly [number, number]> = [
	[0x061c, 0x061c],
	[0x200b, 0x200f],
	[0x2028, 0x202e],
	[0x2060, 0x2064],
	[0x2066, 0x206f],
	[0xfeff, 0xfeff],
	[0xe0000, 0xe007f],
];
const formatCharacter = /^\p{Cf}$/u;

/** True for a code point that is invisible or reorders text (bidi, zero-width, tags, Cf). */
export function isInvisibleFormatting(code: number): boolean {
	return invisibleRanges.some(([low, high]) => code >= low && code <= high) || formatCharacter.test(String.fromCodePoint(code));
}

const hex2 = (code: number) => code.toString(16).padStart(2, '0');

/** The visible stand-in for one unsafe code point, or undefined when it is safe to print. */
function visibleEscape(code: number): string | undefined {
	if (code >= 0x20 && code < 0x7f) return undefined; // Printable ASCII: the common case, kept cheap.
	if (code === 0x0a) return '\\n';
	if (code === 0x0d) return '\\r';
	if (code < 0x20 || code === 0x7f) return `\\x${hex2(code)}`;
	// C1 controls: 0x9b is a one-byte CSI on some terminals.
	if (code >= 0x80 && code <= 0x9f) return `\\x${hex2(code)}`;
	if (code > 0xffff && isInvisibleFormatting(code)) return `\\u{${code.toString(16)}}`;
	if (isInvisibleFormatting(code)) return `\\u${code.toString(16).padStart(4, '0')}`;
	// Lone surrogates cannot be encoded; show them rather than let the terminal guess.
	if (code >= 0xd800 && code <= 0xdfff) return `\\u${code.toString(16)}`;
	return undefined;
}

/**
 * Returns `input` with every control character, escape sequence introducer and invisible
 * formatting character replaced by a visible escape, tabs expanded, and the result cut to
 * `maxLength` code points (ending in `…`). One line in, one line out: `\n` becomes `\\n`.
 */
export function sanitizeText(input: unknown, options: SanitizeOptions = {}): string {
	const text = typeof input === 'string' ? input : input === undefined || input === null ? '' : String(input);
	const maxLength = Math.max(1, options.maxLength ?? defaultMaxLength);
	const tab = ' '.repeat(Math.max(0, options.tabWidth ?? 4));
	const source = options.dropColors ? text.replace(sgrSequence, '') : text;
	let result = '';
	let length = 0;
	for (const character of source) {
		const code = character.codePointAt(0)!;
		const piece = code === 0x09 ? tab : (visibleEscape(code) ?? character);
		const pieceLength = code === 0x09 || piece !== character ? piece.length : 1;
		if (length + pieceLength > maxLength) return cut(result, length, maxLength);
		result += piece;
		length += pieceLength;
	}
	return result;
}

/** Cuts an already-safe string so that it plus the marker fits in `maxLength` code points. */
function cut(safe: string, length: number, maxLength: number): string {
	const keep = Math.min(length, maxLength - 1);
	return [...safe].slice(0, keep).join('') + CUT_MARKER;
}

/**
 * Sanitises one log line for display: a trailing `\r` or `\n` (CRLF output) is dropped,
 * colours are dropped, everything else unsafe is shown visibly, long lines are cut.
 */
export function sanitizeLogLine(line: string, maxLength = 2000): string {
	return sanitizeText(line.replace(/\r?\n$|\r$/, ''), {maxLength, dropColors: true});
}

/** Sanitises a short identifier (container, image, label, project name) for a one-row cell. */
export function sanitizeName(name: unknown, maxLength = 200): string {
	return sanitizeText(name, {maxLength, tabWidth: 1});
}

/** Sanitises every key and value of a label or attribute map. */
export function sanitizeRecord(record: Readonly<Record<string, unknown>> | undefined, maxLength = 500): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(record ?? {})) result[sanitizeName(key)] = sanitizeText(value, {maxLength});
	return result;
}

/** True when `text` is free of anything `sanitizeText` would change (ignoring length). */
export function isTerminalSafe(text: string): boolean {
	for (const character of text) {
		const code = character.codePointAt(0)!;
		if (code === 0x09 || visibleEscape(code) !== undefined) return false;
	}
	return true;
}

/** True for a code point a terminal must not receive raw from JSON: C0, DEL, C1, invisible formatting. */
function unsafeInJson(code: number): boolean {
	if (code >= 0x20 && code < 0x7f) return false;
	return code < 0x20 || (code >= 0x7f && code <= 0x9f) || isInvisibleFormatting(code) || (code >= 0xd800 && code <= 0xdfff);
}

const jsonEscape = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * Escapes, in serialised JSON, every character a terminal would interpret or hide (C1 such as
 * U+009B CSI, bidi overrides, zero-width and tag characters) as `\uXXXX`, which
 * `JSON.stringify` leaves raw. The JSON means the same after as before (parse round-trips).
 */
export function escapeJsonForTerminal(json: string): string {
	let result = '';
	for (const character of json) {
		const code = character.codePointAt(0)!;
		if (!unsafeInJson(code)) result += character;
		else if (code > 0xffff) result += jsonEscape(character.charCodeAt(0)) + jsonEscape(character.charCodeAt(1));
		else result += jsonEscape(code);
	}
	return result;
}
