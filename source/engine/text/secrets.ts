/**
 * Masks secrets in configuration shown to people (env, labels, command, entrypoint,
 * healthcheck): by the key's name (`DB_PASSWORD`, `GITHUB_PAT`, `JWT`) and by the value's
 * shape wherever it appears (`postgres://u:pass@…`, `--password=…`, `--token …`, GitHub,
 * GitLab, Slack and AWS tokens, `sk-` keys, JWTs). Pure: same input, same output.
 */

/** What a masked secret is shown as. */
export const MASK = '••••••';

// Whole-word-ish key names: PAT must not match PATH, KEY must not match KEYBOARD.
const secretKey = /PASSWORD|PASSWD|PASSPHRASE|(^|_)PASS$|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|(^|_)KEY$|(^|_)KEYS?_|(^|_)PAT($|_)|JWT|(^|_)AUTH($|_)|SALT|SESSION|COOKIE|(^|_)DSN$|SIGNING|ENCRYPTION/i;

/** True when a variable or label name says its value is a secret (`*PASSWORD*`, `*_KEY`, `*PAT*`, `JWT`…). */
export function isSecretName(name: string): boolean {
	// `*_FILE` names hold a path to the secret, not the secret; dotted label keys are split on dots too.
	const key = name.replace(/[.-]/g, '_');
	return !/_FILE$/i.test(key) && secretKey.test(key);
}

// Known token shapes; the prefix stays visible so the reader knows what kind of secret it was.
const tokenShapes: readonly RegExp[] = [
	/\bgh[pousr]_[A-Za-z0-9]{16,}/g,
	/\bgithub_pat_[A-Za-z0-9_]{16,}/g,
	/\bglpat-[A-Za-z0-9_-]{16,}/g,
	/\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
	/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
	/\bsk-[A-Za-z0-9_-]{16,}/g,
	/\bsk_(?:live|test)_[A-Za-z0-9]{16,}/g,
	/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];
const visiblePrefix = /^(?:github_pat_|gh[a-z]_|glpat-|xox[a-z]-|AKIA|ASIA|sk_(?:live|test)_|sk-|eyJ)/;

// scheme://user:password@host — the password goes, the user and host stay.
const urlUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:)([^\s@/]+)@/gi;

// --password=x, --db-token x, -password x; not --password-file PATH (a path, not a secret).
const secretFlag = /(^|\s)(--?[a-z0-9]*[-_]?(?:password|passwd|passphrase|secret|token|api[-_]?key|access[-_]?key|credentials?|auth)(?:[-_][a-z0-9]+)*)(=|\s+)(?!-)(\S+)/gi;

// NAME=value inside a command line (`env DB_PASSWORD=x app`).
const assignment = /(^|[\s;'"])([A-Za-z_][A-Za-z0-9_]*)=([^\s'";]+)/g;

/** `text` with every secret-shaped part masked: URL passwords, secret flags and assignments, known tokens. */
export function maskSecretsInText(text: string): string {
	let result = text.replace(urlUserinfo, (_match, head: string) => `${head}${MASK}@`);
	result = result.replace(secretFlag, (match, lead: string, flag: string, separator: string) => (/[-_]file$/i.test(flag) ? match : `${lead}${flag}${separator}${MASK}`));
	result = result.replace(assignment, (match, lead: string, name: string) => (isSecretName(name) ? `${lead}${name}=${MASK}` : match));
	for (const shape of tokenShapes) result = result.replace(shape, match => `${visiblePrefix.exec(match)?.[0] ?? ''}${MASK}`);
	return result;
}

/** One `KEY=value` entry (env) with the value masked when the key is secret, or its secret-shaped parts otherwise. */
export function maskEnvEntry(entry: string): string {
	const equals = entry.indexOf('=');
	if (equals < 0) return entry;
	return `${entry.slice(0, equals)}=${maskValue(entry.slice(0, equals), entry.slice(equals + 1))}`;
}

/** A value for the key `name`: all masked for a secret name, else masked by shape. */
export function maskValue(name: string, value: string): string {
	if (value === '') return value;
	return isSecretName(name) ? MASK : maskSecretsInText(value);
}

/** A command, entrypoint or healthcheck test (argv words) as one line with secrets masked. */
export function maskCommandLine(words: readonly string[]): string {
	return maskSecretsInText(words.join(' '));
}
