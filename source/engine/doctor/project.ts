/**
 * `lintProject`: find the compose files and Dockerfiles to check (given, or discovered in a
 * directory, plus the Dockerfiles that compose `build:` entries name), lint them all and drop
 * findings silenced by `# deckhand-ignore`. Reads files only; never talks to an engine.
 */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {defaultComposeFiles, loadCompose} from '../compose/load.js';
import type {LoadedCompose} from '../compose/types.js';
import {UsageError} from '../errors.js';
import {fileLimits, readBoundedText} from '../files/read-bounded.js';
import {lintCompose} from './compose-rules.js';
import {lintParsedDockerfile} from './dockerfile-rules.js';
import {parseDockerfile} from '../dockerfile/parse.js';
import {applyIgnoreComments} from './ignore.js';
import {compareFindings, type Finding} from './types.js';

/** What to lint; with neither list given, `cwd` is searched. */
export type LintProjectOptions = {
	readonly cwd?: string;
	/** Compose files in `-f` order (one project). */
	readonly composeFiles?: readonly string[];
	readonly dockerfiles?: readonly string[];
	/** Environment for compose interpolation (default process.env). */
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/** The findings, sorted, and every file that was read. */
export type LintProjectResult = {
	readonly findings: readonly Finding[];
	readonly files: readonly string[];
};

type Raw = Record<string, unknown>;
const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a file name is a Dockerfile by convention: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`. */
export function isDockerfileName(name: string): boolean {
	if (name.endsWith('.dockerignore')) return false;
	return name === 'Dockerfile' || name.startsWith('Dockerfile.') || name.endsWith('.Dockerfile');
}

/** The Dockerfiles in a directory, sorted. */
export function discoverDockerfiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true})
		.filter(entry => entry.isFile() && isDockerfileName(entry.name))
		.map(entry => path.join(dir, entry.name))
		.sort();
}

/** Loads the compose project with every profile active, so no service escapes the review. */
function loadAllProfiles(files: readonly string[], cwd: string, env: LintProjectOptions['env']): LoadedCompose {
	const first = loadCompose({files, cwd, env, profiles: []});
	const profiles = new Set<string>();
	for (const source of first.documents) {
		const js: unknown = source.document.toJS();
		const services = isMap(js) && isMap(js.services) ? js.services : {};
		for (const service of Object.values(services)) if (isMap(service) && Array.isArray(service.profiles)) for (const p of service.profiles) profiles.add(String(p));
	}
	return profiles.size === 0 ? first : loadCompose({files, cwd, env, profiles: [...profiles]});
}

/** Dockerfiles named by `build:` entries (string context or `{context, dockerfile}`), with their context directory. */
export function composeBuilds(loaded: LoadedCompose): Array<{dockerfile: string; contextDir: string}> {
	const out: Array<{dockerfile: string; contextDir: string}> = [];
	for (const source of loaded.documents) {
		const js: unknown = source.document.toJS();
		const services = isMap(js) && isMap(js.services) ? js.services : {};
		for (const service of Object.values(services)) {
			if (!isMap(service) || service.build === undefined) continue;
			const build = isMap(service.build) ? service.build : {context: service.build};
			if (typeof build.context !== 'string' || /^[a-z]+:\/\/|^git@/.test(build.context) || build.context.includes('$')) continue;
			const contextDir = path.resolve(loaded.project.workingDir, build.context);
			const dockerfile = path.resolve(contextDir, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
			out.push({dockerfile, contextDir});
		}
	}
	return out;
}

/**
 * The compose files a running project came from, as `docker compose` labels its containers
 * (`com.docker.compose.project.config_files`, comma-separated, and `...working_dir`), so the
 * console can review the files behind the selected project. Undefined when not labelled.
 */
export function composeFilesFromLabels(labels: Readonly<Record<string, string>>): {cwd: string; composeFiles: string[]} | undefined {
	const files = (labels['com.docker.compose.project.config_files'] ?? '').split(',').map(file => file.trim()).filter(Boolean);
	const cwd = labels['com.docker.compose.project.working_dir'] ?? (files[0] ? path.dirname(files[0]) : undefined);
	return files.length > 0 && cwd ? {cwd, composeFiles: files} : undefined;
}

/** Lints compose files and Dockerfiles. Invalid or unreadable input throws `UsageError` with file:line. */
export function lintProject(options: LintProjectOptions = {}): LintProjectResult {
	const cwd = options.cwd ?? process.cwd();
	const explicit = (options.composeFiles?.length ?? 0) > 0 || (options.dockerfiles?.length ?? 0) > 0;
	let composeFiles = (options.composeFiles ?? []).map(file => path.resolve(cwd, file));
	const dockerfiles = new Map<string, string>(); // Dockerfile → build context directory
	for (const file of options.dockerfiles ?? []) {
		const absolute = path.resolve(cwd, file);
		if (!existsSync(absolute)) throw new UsageError(`Dockerfile not found: ${file}`);
		dockerfiles.set(absolute, path.dirname(absolute));
	}
	if (!explicit) {
		const found = defaultComposeFiles.map(name => path.join(cwd, name)).find(file => existsSync(file));
		composeFiles = found ? [found] : [];
		for (const file of discoverDockerfiles(cwd)) dockerfiles.set(file, cwd);
		if (composeFiles.length === 0 && dockerfiles.size === 0) {
			throw new UsageError(`nothing to lint in ${cwd}: no compose file (${defaultComposeFiles.join(', ')}) or Dockerfile; pass -f FILE or --dockerfile PATH`);
		}
	}

	const texts = new Map<string, string>();
	const findings: Finding[] = [];
	if (composeFiles.length > 0) {
		for (const file of composeFiles) {
			if (!existsSync(file)) throw new UsageError(`compose file not found: ${path.relative(cwd, file) || file}`);
			texts.set(file, readBoundedText(file, fileLimits.compose));
		}
		const loaded = loadAllProfiles(composeFiles, cwd, options.env);
		findings.push(...lintCompose(loaded));
		for (const build of composeBuilds(loaded)) if (existsSync(build.dockerfile) && !dockerfiles.has(build.dockerfile)) dockerfiles.set(build.dockerfile, build.contextDir);
	}
	for (const [file, contextDir] of dockerfiles) {
		const text = readBoundedText(file, fileLimits.dockerfile);
		texts.set(file, text);
		const hasDockerignore = existsSync(path.join(contextDir, '.dockerignore')) || existsSync(`${file}.dockerignore`);
		findings.push(...lintParsedDockerfile(parseDockerfile(text, file), {hasDockerignore, contextDir: path.relative(cwd, contextDir) || '.'}));
	}
	return {findings: applyIgnoreComments(findings, texts).sort(compareFindings), files: [...texts.keys()]};
}
