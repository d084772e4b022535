/**
 * Reads compose files into the normalised model: discover → parse (with line positions) →
 * interpolate (`.env` + environment) → merge (`-f` order) → normalise → profiles → graph checks.
 * Invalid input throws `UsageError` with `file:line: reason`; unsupported keys become warnings.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {LineCounter, parseDocument} from 'yaml';
import {UsageError} from '../errors.js';
import {fileLimits, readBoundedText, readOptionalBoundedText} from '../files/read-bounded.js';
import {InterpolationError, interpolateTree, parseDotEnv, type Variables} from './interpolate.js';
import {locateIn, locateNearest, where} from './locate.js';
import {mergeComposeFiles} from './merge.js';
import {normaliseService} from './normalise.js';
import type {ComposeProject, ComposeResource, ComposeService, ComposeWarning, LoadedCompose, LoadOptions, SourceDocument} from './types.js';
import {checkServiceTypes, projectNameProblem, serviceNameProblem} from './service-rules.js';
import {findCycle, findUnknownDependencies} from './validate.js';

/** Files tried, in order, when no `-f` is given. */
export const defaultComposeFiles = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;

const supportedTopLevel = new Set(['version', 'name', 'services', 'networks', 'volumes']);

type Raw = Record<string, unknown>;
type Path = Array<string | number>;
const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compose's project-name rule: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
export function normaliseProjectName(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

/** Finds the compose files to read: the given ones (resolved) or the first default one in cwd. */
export function resolveComposeFiles(files: readonly string[], cwd: string, exists: (file: string) => boolean = existsSync): string[] {
	if (files.length > 0) {
		return files.map(file => {
			const absolute = path.resolve(cwd, file);
			if (!exists(absolute)) throw new UsageError(`compose file not found: ${file}`);
			return absolute;
		});
	}
	const found = defaultComposeFiles.map(name => path.join(cwd, name)).find(file => exists(file));
	if (!found) throw new UsageError(`no compose file in ${cwd} (looked for ${defaultComposeFiles.join(', ')}); pass -f FILE`);
	return [found];
}

/** Deeper than any real compose file; far below what would overflow the stack. */
const maxNesting = 64;

/** How deep `value` nests (iteratively, so a deep value cannot overflow the stack here). */
function nesting(value: unknown): number {
	let deepest = 0;
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length > 0) {
		const [item, depth] = stack.pop()!;
		deepest = Math.max(deepest, depth);
		if (depth > maxNesting) return depth;
		if (typeof item === 'object' && item !== null) for (const child of Object.values(item)) stack.push([child, depth + 1]);
	}
	return deepest;
}

function parseFile(file: string, text: string): SourceDocument {
	const lineCounter = new LineCounter();
	let js: unknown;
	let document: SourceDocument['document'];
	try {
		document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true, merge: true});
		const error = document.errors[0];
		if (error) throw new UsageError(`${file}:${lineCounter.linePos(error.pos[0]).line}: invalid YAML: ${error.message.split('\n')[0]}`);
		// The yaml package refuses alias expansion past maxAliasCount (a "billion laughs" file).
		js = document.toJS({maxAliasCount: 100});
	} catch (error) {
		if (error instanceof UsageError) throw error;
		if (error instanceof RangeError) throw new UsageError(`${file}: YAML nested too deeply`);
		if (/alias/i.test((error as Error).message)) throw new UsageError(`${file}: too many YAML aliases (${(error as Error).message.split('\n')[0]})`);
		throw new UsageError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	if (nesting(js) > maxNesting) throw new UsageError(`${file}: YAML nested too deeply (more than ${maxNesting} levels)`);
	if (document.contents !== null && !isMap(js)) throw new UsageError(`${file}:1: a compose file must be a mapping`);
	return {file, document, lineCounter};
}

/** Loads, merges, validates and normalises a compose project. Reads files only (no engine). */
export function loadCompose(options: LoadOptions = {}): LoadedCompose {
	const cwd = options.cwd ?? process.cwd();
	const files = resolveComposeFiles(options.files ?? [], cwd);
	const workingDir = path.dirname(files[0]!);
	// Files are named by absolute path, like every file:line message of the loader.
	const documents = files.map(file => parseFile(file, readBoundedText(file, fileLimits.compose)));
	const locate = (keyPath: ReadonlyArray<string | number>) => locateIn(documents, keyPath);
	const fail = (keyPath: Path, message: string): never => {
		throw new UsageError(`${where(locateNearest(documents, keyPath))}${message}`);
	};

	// The process environment wins over `.env`, as in compose.
	const dotEnvFile = path.join(workingDir, '.env');
	const dotEnvText = readOptionalBoundedText(dotEnvFile, fileLimits.envFile);
	const dotEnv = dotEnvText === undefined ? {} : parseDotEnv(dotEnvText);
	const vars: Variables = {...dotEnv, ...(options.env ?? process.env)};

	const raws = documents.map((source, index) =>
		interpolateTree(source.document.toJS() ?? {}, vars, [], (keyPath, message) => {
			const position = locateNearest([documents[index]!], keyPath);
			throw new UsageError(`${where(position)}${message}`);
		}) as Raw,
	);
	const merged = mergeComposeFiles(raws);

	const warnings: ComposeWarning[] = [];
	const warn = (keyPath: Path, message: string) => warnings.push({message: `${where(locateNearest(documents, keyPath))}${message}`, position: locate(keyPath)});
	for (const key of Object.keys(merged)) {
		if (!supportedTopLevel.has(key) && !key.startsWith('x-')) warn([key], `unsupported top-level key "${key}" is ignored`);
	}
	if (!isMap(merged.services) || Object.keys(merged.services).length === 0) fail(['services'], 'no services defined');

	const envFiles = (list: string[]) => {
		const out: Record<string, string> = {};
		for (const entry of list) {
			const file = path.resolve(workingDir, entry);
			if (!existsSync(file)) fail([], `env_file not found: ${entry}`);
			Object.assign(out, parseDotEnv(readBoundedText(file, fileLimits.envFile, `env_file ${entry}`)));
		}
		return out;
	};
	const all: Record<string, ComposeService> = {};
	for (const [name, raw] of Object.entries(merged.services as Raw)) {
		const nameProblem = serviceNameProblem(name);
		if (nameProblem) fail(['services', name], nameProblem);
		if (!isMap(raw)) fail(['services', name], `service ${name} must be a mapping`);
		checkServiceTypes(name, raw as Raw, fail);
		all[name] = normaliseService(name, raw as Raw, {
			workingDir,
			envFiles,
			report: (keyPath, message, fatal) => (fatal ? fail(keyPath, message) : warn(keyPath, message)),
		});
	}

	const profiles = options.profiles ?? (vars.COMPOSE_PROFILES ?? '').split(',').filter(Boolean);
	const services = Object.fromEntries(Object.entries(all).filter(([, service]) => service.profiles.length === 0 || service.profiles.some(p => profiles.includes(p))));
	for (const problem of findUnknownDependencies(services, new Set(Object.keys(all)))) fail(problem.path, problem.message);
	const declaredNetworks = isMap(merged.networks) ? Object.keys(merged.networks) : [];
	for (const service of Object.values(services)) {
		for (const network of service.networks) {
			if (network !== 'default' && !declaredNetworks.includes(network)) fail(['services', service.name, 'networks', network], `service ${service.name} refers to undeclared network "${network}"`);
		}
	}
	const cycle = findCycle(services);
	if (cycle) fail(['services', cycle[0]!, 'depends_on', cycle[1]!], `dependency cycle: ${cycle.join(' → ')}`);

	// A name given imperatively (-p, COMPOSE_PROJECT_NAME) must already be valid, as in compose;
	// `name:` and the directory's name are normalised.
	const chosen = options.projectName ?? vars.COMPOSE_PROJECT_NAME;
	const chosenProblem = chosen === undefined ? undefined : projectNameProblem(chosen);
	if (chosenProblem) throw new UsageError(`${options.projectName === undefined ? 'COMPOSE_PROJECT_NAME' : '-p'}: ${chosenProblem}`);
	const name = chosen ?? normaliseProjectName(typeof merged.name === 'string' ? merged.name : path.basename(workingDir));
	if (!name) fail(['name'], 'project name is empty after normalisation; pass -p NAME');
	const project: ComposeProject = {
		name,
		workingDir,
		configFiles: files,
		services,
		networks: resources(merged.networks, name),
		volumes: resources(merged.volumes, name),
		extraLabels: {...options.extraLabels},
	};
	return {project, warnings, locate, documents};
}

function resources(value: unknown, project: string): Record<string, ComposeResource> {
	const out: Record<string, ComposeResource> = {};
	if (!isMap(value)) return out;
	for (const [key, raw] of Object.entries(value)) {
		const spec = isMap(raw) ? raw : {};
		const external = spec.external === true || isMap(spec.external);
		const labels: Record<string, string> = {};
		if (isMap(spec.labels)) for (const [k, v] of Object.entries(spec.labels)) labels[k] = String(v);
		else if (Array.isArray(spec.labels)) for (const entry of spec.labels) labels[String(entry).split('=')[0]!] = String(entry).split('=').slice(1).join('=');
		out[key] = {name: typeof spec.name === 'string' ? spec.name : external ? key : `${project}_${key}`, external, driver: spec.driver as string | undefined, labels};
	}
	return out;
}
