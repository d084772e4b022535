/**
 * Themes are JSON files: a palette of named colours and a map from semantic tokens to
 * palette names (gemini-cli/k9s skins). Components ask for tokens only, never a colour.
 * Files are validated on load; an invalid one is a UsageError naming the field.
 */
import {existsSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../../engine/errors.js';
import {fileLimits, readOptionalBoundedText} from '../../engine/files/read-bounded.js';

/** Every token a theme must define. */
export const themeTokens = [
	'text.primary', 'text.muted', 'text.title', 'border.focused', 'border.unfocused',
	'status.ok', 'status.warning', 'status.error', 'status.info', 'accent', 'chart.cpu', 'chart.memory',
] as const;

/** A semantic colour role. */
export type ThemeToken = (typeof themeTokens)[number];

/** A loaded theme: token → Ink colour, or undefined for "terminal default, no colour". */
export type Theme = {
	readonly name: string;
	readonly colors: Readonly<Record<ThemeToken, string | undefined>>;
};

/** Names of the built-in themes shipped in `themes/`. */
export const builtinThemeNames = ['default', 'light', 'high-contrast', 'monochrome'] as const;

const namedColors = new Set([
	'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey',
	'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright',
]);

const isColor = (value: string) => value === 'none' || namedColors.has(value) || /^#[0-9a-f]{6}$/i.test(value) || /^#[0-9a-f]{3}$/i.test(value);

/** Checks a parsed theme file and maps its tokens to colours; `source` names the file in errors. */
export function validateTheme(value: unknown, source: string): Theme {
	const fail = (field: string, problem: string): never => {
		throw new UsageError(`theme ${source}: ${field} ${problem}`);
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(file)', 'must be a JSON object with "name", "palette" and "tokens"');
	const theme = value as Record<string, unknown>;
	if (typeof theme.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(theme.name)) fail('name', 'must be a short name (letters, digits, . _ -)');
	const palette = theme.palette;
	if (typeof palette !== 'object' || palette === null || Array.isArray(palette)) fail('palette', 'must be an object of name → colour');
	for (const [name, color] of Object.entries(palette as Record<string, unknown>)) {
		if (typeof color !== 'string' || !isColor(color)) fail(`palette.${name}`, `"${String(color)}" is not a colour (#rrggbb, #rgb, an ANSI name like cyanBright, or "none")`);
	}
	const tokens = theme.tokens;
	if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) fail('tokens', 'must be an object of token → palette name');
	const tokenMap = tokens as Record<string, unknown>;
	for (const name of Object.keys(tokenMap)) {
		if (!(themeTokens as readonly string[]).includes(name)) fail(`tokens.${name}`, `is not a token (tokens: ${themeTokens.join(', ')})`);
	}
	const colors = {} as Record<ThemeToken, string | undefined>;
	for (const token of themeTokens) {
		const reference = tokenMap[token];
		if (reference === undefined) fail(`tokens.${token}`, 'is missing');
		if (typeof reference !== 'string' || !(reference in (palette as object))) fail(`tokens.${token}`, `"${String(reference)}" is not in the palette`);
		const color = (palette as Record<string, string>)[reference as string]!;
		colors[token] = color === 'none' ? undefined : color;
	}
	return {name: theme.name as string, colors};
}

/** Where theme files are read from, and how (injected for tests). */
export type ThemeSources = {
	/** Directories searched in order; the user's config directory first. */
	readonly directories: readonly string[];
	readonly readFile?: (path: string) => string | undefined;
};

const defaultRead = (path: string) => readOptionalBoundedText(path, fileLimits.theme, `theme ${path}`);

/** The `themes/` directory shipped with deckhand (found from this module, built or not). */
export function builtinThemeDirectory(): string {
	let directory = dirname(fileURLToPath(import.meta.url));
	for (let depth = 0; depth < 6; depth++) {
		if (existsSync(join(directory, 'themes', 'default.json'))) return join(directory, 'themes');
		directory = dirname(directory);
	}
	return join(process.cwd(), 'themes');
}

/** Loads and validates the theme `name` from the first directory that has `name.json`. */
export function loadTheme(name: string, sources: ThemeSources): Theme {
	if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new UsageError(`theme "${name}": not a theme name`);
	const read = sources.readFile ?? defaultRead;
	for (const directory of sources.directories) {
		const path = join(directory, `${name}.json`);
		const text = read(path);
		if (text === undefined) continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			throw new UsageError(`theme ${path}: not valid JSON (${(error as Error).message})`);
		}
		return validateTheme(parsed, path);
	}
	throw new UsageError(`theme "${name}" not found (built-in: ${builtinThemeNames.join(', ')}; or add ${name}.json to ${sources.directories[0] ?? 'the config directory'})`);
}

/**
 * The theme to start with: monochrome when NO_COLOR is set or TERM is dumb (colour would
 * be wrong there whatever was asked), else the flag, else the config file, else default.
 */
export function chooseThemeName(options: {flag?: string; config?: string; env: NodeJS.ProcessEnv}): string {
	if ((options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') || options.env.TERM === 'dumb') return 'monochrome';
	return options.flag ?? options.config ?? 'default';
}

/** Theme names found in `directories` (`NAME.json`), built-in ones included, sorted, without duplicates. */
export function listThemeNames(directories: readonly string[], list: (directory: string) => readonly string[] = directory => {
	try {
		return readdirSync(directory);
	} catch {
		return [];
	}
}): string[] {
	const found = directories.flatMap(directory => list(directory).filter(file => /^[a-z0-9][a-z0-9._-]*\.json$/i.test(file)).map(file => file.slice(0, -'.json'.length)));
	return [...new Set([...builtinThemeNames, ...found])].sort();
}
