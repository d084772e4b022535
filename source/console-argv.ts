/**
 * The console's command line without meow (meow and normalize-package-data cost ~40 ms of
 * every start): the plain shapes only — `--host URL`, `--host=URL`, `-H URL`, the same for
 * `--context`/`-c` and `--theme`, and `--read-only`. Anything else (help, version, an unknown
 * or repeated flag, a positional argument, a missing value) returns undefined and cli.tsx
 * parses with meow as before, so every other behaviour and error stays the same.
 */

/** The console's global flags. */
export type ConsoleFlags = {
	readonly host?: string;
	readonly context?: string;
	readonly theme?: string;
	readonly readOnly: boolean;
};

const valueFlags: Readonly<Record<string, 'host' | 'context' | 'theme'>> = {'--host': 'host', '-H': 'host', '--context': 'context', '-c': 'context', '--theme': 'theme'};

/** The flags in `argv` when it uses only the plain shapes above, else undefined (pure). */
export function parseConsoleArgv(argv: readonly string[]): ConsoleFlags | undefined {
	const values: {host?: string; context?: string; theme?: string} = {};
	let readOnly = false;
	const seen = new Set<string>();
	const take = (name: string): boolean => {
		if (seen.has(name)) return false;
		seen.add(name);
		return true;
	};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--read-only') {
			if (!take('readOnly')) return undefined;
			readOnly = true;
			continue;
		}
		const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
		const flag = equals > 0 ? argument.slice(0, equals) : argument;
		const name = valueFlags[flag];
		if (!name || !take(name)) return undefined;
		const value = equals > 0 ? argument.slice(equals + 1) : argv[++index];
		if (value === undefined || value === '' || (equals < 0 && value.startsWith('-'))) return undefined;
		values[name] = value;
	}
	return {...values, readOnly};
}
