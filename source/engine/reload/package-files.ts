/**
 * Files shipped in deckhand's package that commands hand out: the in-container supervisor script
 * and the package version. Found by walking up from this module, so it works from `source/`
 * (tsx) and from `dist/chunks/` (the bundle) alike.
 */
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package root: the nearest directory above this module holding deckhand's package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
	for (let directory = from; ; directory = dirname(directory)) {
		const manifest = join(directory, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string}).name === 'deckhand') return directory;
		if (dirname(directory) === directory) throw new Error(`deckhand's package.json not found above ${from}`);
	}
}

/** Absolute path of `scripts/deckhand-supervise` in the installed package. */
export const supervisorScriptPath = (): string => join(packageRoot(), 'scripts', 'deckhand-supervise');

/** The supervisor script's text. */
export const supervisorScript = (): string => readFileSync(supervisorScriptPath(), 'utf8');

/** deckhand's version from package.json. */
export const deckhandVersion = (): string => (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {version: string}).version;
