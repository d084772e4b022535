/**
 * Raw (merged, interpolated) service mapping → `ComposeService`. Pure: problems go to `report`
 * with the key path, so the loader can name file:line.
 */
import {parseDuration} from '../duration.js';
import {xDeckhandToLabels} from '../labels.js';
import {listToMap} from './merge.js';
import type {ComposeService, DependsOn, DependsOnCondition, Deploy, Healthcheck, PortMapping, VolumeMount} from './types.js';

type Raw = Record<string, unknown>;
type Path = Array<string | number>;

/** How problems are reported: `fatal` ones make the file invalid (exit 2), others are warnings. */
export type Report = (path: Path, message: string, fatal: boolean) => void;

/** Service keys deckhand understands; anything else is warned about and ignored. */
export const supportedServiceKeys = new Set([
	'image', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'volumes', 'networks', 'network_mode',
	'healthcheck', 'depends_on', 'restart', 'labels', 'user', 'working_dir', 'stop_signal', 'stop_grace_period',
	'profiles', 'deploy', 'scale', 'logging', 'container_name', 'x-deckhand',
]);

const conditions: readonly DependsOnCondition[] = ['service_started', 'service_healthy', 'service_completed_successfully'];

const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Splits a command string the way a POSIX shell would tokenise words (quotes, backslashes). */
export function splitShellWords(text: string): string[] {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: string | undefined;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quote) {
			if (ch === quote) quote = undefined;
			else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
			else word += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			inWord = true;
		} else if (ch === '\\' && i + 1 < text.length) {
			word += text[++i];
			inWord = true;
		} else if (/\s/.test(ch)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += ch;
			inWord = true;
		}
	}
	if (inWord) words.push(word);
	return words;
}

/** Parses compose memory sizes (`512m`, `1g`, `1024`) to bytes. */
export function parseBytes(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	const m = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(String(value).trim());
	if (!m) return undefined;
	const scale = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[m[2]!.toLowerCase()]!;
	return Math.round(Number(m[1]) * scale);
}

function duration(value: unknown, path: Path, report: Report): number | undefined {
	if (value === undefined || value === null) return undefined;
	const ms = typeof value === 'number' ? value * 1000 : parseDuration(String(value));
	if (ms === undefined) report(path, `invalid duration "${String(value)}" (use e.g. 500ms, 5s, 1m30s)`, true);
	return ms;
}

function words(value: unknown, path: Path, report: Report): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return splitShellWords(value);
	if (Array.isArray(value)) return value.map(String);
	report(path, 'must be a string or a list', true);
	return undefined;
}

function stringMap(value: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, item] of Object.entries(listToMap(value))) if (item !== null && item !== undefined) out[key] = String(item);
	return out;
}

function ports(value: unknown, path: Path, report: Report): PortMapping[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		report(path, 'ports must be a list', true);
		return [];
	}
	return value.flatMap((entry, index): PortMapping[] => {
		if (isMap(entry)) {
			return [{target: Number(entry.target), published: entry.published === undefined ? undefined : String(entry.published), hostIp: entry.host_ip as string | undefined, protocol: entry.protocol === 'udp' ? 'udp' : 'tcp'}];
		}
		const m = /^(?:(?:\[?([\d.:a-fA-F]+)\]?:)?([\d-]*):)?(\d+(?:-\d+)?)(?:\/(tcp|udp))?$/.exec(String(entry));
		if (!m) {
			report([...path, index], `invalid port "${String(entry)}"`, true);
			return [];
		}
		return [{target: Number.parseInt(m[3]!, 10), published: m[2] || undefined, hostIp: m[1], protocol: m[4] === 'udp' ? 'udp' : 'tcp'}];
	});
}

function volumes(value: unknown, path: Path, report: Report, workingDir: string): VolumeMount[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		report(path, 'volumes must be a list', true);
		return [];
	}
	const resolve = (source: string) => (source.startsWith('./') || source === '.' || source.startsWith('../') ? `${workingDir}/${source}`.replace(/\/\.\/?/g, '/').replace(/\/$/, '') : source);
	return value.map((entry): VolumeMount => {
		if (isMap(entry)) {
			const type = (entry.type as VolumeMount['type']) ?? 'volume';
			return {type, source: entry.source === undefined ? undefined : type === 'bind' ? resolve(String(entry.source)) : String(entry.source), target: String(entry.target), readOnly: entry.read_only === true};
		}
		const parts = String(entry).split(':');
		if (parts.length === 1) return {type: 'volume', target: parts[0]!, readOnly: false};
		const source = parts[0]!;
		const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
		return {type: bind ? 'bind' : 'volume', source: bind ? resolve(source) : source, target: parts[1]!, readOnly: (parts[2] ?? '').split(',').includes('ro')};
	});
}

function healthcheck(value: unknown, path: Path, report: Report): Healthcheck | undefined {
	if (!isMap(value)) return undefined;
	const test = value.test === undefined ? undefined : typeof value.test === 'string' ? ['CMD-SHELL', value.test] : (value.test as unknown[]).map(String);
	return {
		test,
		intervalMs: duration(value.interval, [...path, 'interval'], report),
		timeoutMs: duration(value.timeout, [...path, 'timeout'], report),
		startPeriodMs: duration(value.start_period, [...path, 'start_period'], report),
		retries: value.retries === undefined ? undefined : Number(value.retries),
		disable: value.disable === true || test?.[0] === 'NONE',
	};
}

function dependsOn(value: unknown, path: Path, report: Report): Record<string, DependsOn> {
	const out: Record<string, DependsOn> = {};
	if (value === undefined) return out;
	const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map(name => [String(name), {}]) : isMap(value) ? Object.entries(value) : [];
	for (const [name, setting] of entries) {
		const raw = isMap(setting) ? setting : {};
		const condition = (raw.condition ?? 'service_started') as DependsOnCondition;
		if (!conditions.includes(condition)) report([...path, name, 'condition'], `unknown condition "${String(condition)}" (expected ${conditions.join(', ')})`, true);
		out[name] = {condition, restart: raw.restart === true, required: raw.required !== false};
	}
	return out;
}

function deploy(value: unknown, path: Path, report: Report): Deploy {
	if (!isMap(value)) return {};
	for (const key of Object.keys(value)) if (key !== 'replicas' && key !== 'resources') report([...path, key], `unsupported key deploy.${key} is ignored`, false);
	const resources = isMap(value.resources) ? value.resources : {};
	const side = (raw: unknown) => (isMap(raw) ? {cpus: raw.cpus === undefined ? undefined : Number(raw.cpus), memoryBytes: raw.memory === undefined ? undefined : parseBytes(raw.memory)} : undefined);
	return {replicas: value.replicas === undefined ? undefined : Number(value.replicas), limits: side(resources.limits), reservations: side(resources.reservations)};
}

/**
 * Normalises one service. `envFiles` maps each env_file entry to its parsed contents (the
 * loader reads files; this stays pure).
 */
export function normaliseService(name: string, raw: Raw, context: {workingDir: string; report: Report; envFiles: (files: string[]) => Record<string, string>}): ComposeService {
	const {report} = context;
	const path = ['services', name];
	for (const key of Object.keys(raw)) {
		if (!supportedServiceKeys.has(key) && !key.startsWith('x-')) report([...path, key], `unsupported key "${key}" in service ${name} is ignored`, false);
	}
	const envFileList = raw.env_file === undefined ? [] : (Array.isArray(raw.env_file) ? raw.env_file : [raw.env_file]).map(entry => (isMap(entry) ? String(entry.path) : String(entry)));
	const environment = {...context.envFiles(envFileList), ...stringMap(raw.environment)};
	const x = xDeckhandToLabels(raw['x-deckhand']);
	for (const problem of x.problems) report([...path, 'x-deckhand'], problem, true);
	const networkList = raw.networks === undefined ? [] : Array.isArray(raw.networks) ? raw.networks.map(String) : Object.keys(listToMap(raw.networks));
	const logging = isMap(raw.logging) ? {driver: raw.logging.driver as string | undefined, options: stringMap(raw.logging.options)} : undefined;
	return {
		name,
		image: raw.image === undefined ? undefined : String(raw.image),
		command: words(raw.command, [...path, 'command'], report),
		entrypoint: words(raw.entrypoint, [...path, 'entrypoint'], report),
		environment,
		ports: ports(raw.ports, [...path, 'ports'], report),
		volumes: volumes(raw.volumes, [...path, 'volumes'], report, context.workingDir),
		networks: networkList,
		networkMode: raw.network_mode === undefined ? undefined : String(raw.network_mode),
		healthcheck: healthcheck(raw.healthcheck, [...path, 'healthcheck'], report),
		dependsOn: dependsOn(raw.depends_on, [...path, 'depends_on'], report),
		restart: raw.restart === undefined ? undefined : String(raw.restart),
		labels: {...stringMap(raw.labels), ...x.labels},
		user: raw.user === undefined ? undefined : String(raw.user),
		workingDir: raw.working_dir === undefined ? undefined : String(raw.working_dir),
		stopSignal: raw.stop_signal === undefined ? undefined : String(raw.stop_signal),
		stopGracePeriodMs: duration(raw.stop_grace_period, [...path, 'stop_grace_period'], report),
		containerName: raw.container_name === undefined ? undefined : String(raw.container_name),
		profiles: Array.isArray(raw.profiles) ? raw.profiles.map(String) : [],
		deploy: deploy(raw.deploy, [...path, 'deploy'], report),
		scale: raw.scale === undefined || raw.scale === null ? undefined : Number(raw.scale),
		logging,
	};
}
