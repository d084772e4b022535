/**
 * Compose's variable substitution and `.env` parsing, pure.
 * Supported: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$$` (a literal `$`).
 */

/** Variables for interpolation; undefined = unset. */
export type Variables = Readonly<Record<string, string | undefined>>;

/** Thrown (then located by the loader) when `${VAR:?err}` fires or a `$` expression is malformed. */
export class InterpolationError extends Error {}

const name = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Substitutes variables in one string. */
export function interpolate(text: string, vars: Variables): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const ch = text[i]!;
		if (ch !== '$') {
			out += ch;
			i++;
			continue;
		}
		const next = text[i + 1];
		if (next === '$') {
			out += '$';
			i += 2;
			continue;
		}
		if (next === '{') {
			const end = findClose(text, i + 2);
			if (end < 0) throw new InterpolationError(`invalid interpolation "${text.slice(i)}": missing "}"`);
			out += expand(text.slice(i + 2, end), vars);
			i = end + 1;
			continue;
		}
		const match = name.exec(text.slice(i + 1));
		if (match) {
			out += vars[match[0]] ?? '';
			i += 1 + match[0].length;
			continue;
		}
		out += '$';
		i++;
	}
	return out;
}

/** Finds the `}` closing a `${`, allowing nested `${...}` in defaults. */
function findClose(text: string, from: number): number {
	let depth = 1;
	for (let i = from; i < text.length; i++) {
		if (text[i] === '$' && text[i + 1] === '{') {
			depth++;
			i++;
		} else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

function expand(body: string, vars: Variables): string {
	const match = name.exec(body);
	if (!match) throw new InterpolationError(`invalid interpolation "\${${body}}"`);
	const key = match[0];
	const rest = body.slice(key.length);
	const value = vars[key];
	if (rest === '') return value ?? '';
	const op = /^(:?[-?+])/.exec(rest)?.[1];
	if (!op) throw new InterpolationError(`invalid interpolation "\${${body}}"`);
	const arg = rest.slice(op.length);
	const unsetOrEmpty = value === undefined || (op.startsWith(':') && value === '');
	switch (op.at(-1)) {
		case '-':
			return unsetOrEmpty ? interpolate(arg, vars) : value!;
		case '+':
			return unsetOrEmpty ? '' : interpolate(arg, vars);
		default:
			if (unsetOrEmpty) throw new InterpolationError(`required variable ${key} is missing a value${arg ? `: ${interpolate(arg, vars)}` : ''}`);
			return value!;
	}
}

/** Parses a `.env`/env_file: `KEY=value`, `export KEY=value`, quotes, `#` comments. */
export function parseDotEnv(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
		if (!m) continue;
		let value = m[2]!;
		const quote = value[0];
		if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
			value = value.slice(1, value.lastIndexOf(quote));
			if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
		} else {
			value = value.replace(/\s+#.*$/, '');
		}
		out[m[1]!] = value;
	}
	return out;
}

/** Recursively interpolates every string value (not keys) of parsed YAML; `onError` locates the failure. */
export function interpolateTree(
	value: unknown,
	vars: Variables,
	path: Array<string | number> = [],
	onError: (path: Array<string | number>, message: string) => never = (_p, m) => {
		throw new InterpolationError(m);
	},
): unknown {
	if (typeof value === 'string') {
		try {
			return interpolate(value, vars);
		} catch (error) {
			if (error instanceof InterpolationError) onError(path, error.message);
			throw error;
		}
	}
	if (Array.isArray(value)) return value.map((item, index) => interpolateTree(item, vars, [...path, index], onError));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = interpolateTree(item, vars, [...path, key], onError);
		return out;
	}
	return value;
}
