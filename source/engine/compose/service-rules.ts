/**
 * The compose spec's type and value rules for the keys deckhand supports, checked on the raw
 * (merged, interpolated) service before it is normalised, so a wrong type is exit 2 with
 * file:line and nothing is created. Pure: problems go to `report` with their key path.
 */
import {parseDuration} from '../duration.js';
import {normaliseSignal, signalProblem} from './signals.js';

type Raw = Record<string, unknown>;
type Path = Array<string | number>;

/** Reports one fatal problem at a key path. */
export type Fail = (path: Path, message: string) => void;

const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Service names as compose accepts them (compose spec: `^[a-zA-Z0-9._-]+$`). */
export const serviceNamePattern = /^[a-zA-Z0-9._-]+$/;

/** Project names as compose accepts them: lowercase letters, digits, `-`, `_`, starting with a letter or digit. */
export const projectNamePattern = /^[a-z0-9][a-z0-9_-]*$/;

/** Container names as Docker accepts them. */
const containerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Why a service name is refused, or undefined. */
export function serviceNameProblem(name: string): string | undefined {
	if (name === '') return 'a service name must not be empty';
	if (!serviceNamePattern.test(name)) return `invalid service name ${JSON.stringify(name)} (only letters a-z and A-Z, digits, ".", "_" and "-")`;
	return undefined;
}

/** Why a project name is refused, or undefined. */
export function projectNameProblem(name: string): string | undefined {
	if (name === '') return 'the project name must not be empty';
	if (!projectNamePattern.test(name)) return `invalid project name ${JSON.stringify(name)} (lowercase letters, digits, "-" and "_", starting with a letter or digit)`;
	return undefined;
}

/** `restart:` values Docker understands. */
export function isRestartPolicy(value: string): boolean {
	return /^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(value);
}

const isPort = (value: number) => Number.isInteger(value) && value >= 1 && value <= 65535;

/** A port or a `LOW-HIGH` range with every number in 1–65535. */
function portRangeProblem(text: string): string | undefined {
	const parts = text.split('-');
	if (parts.length > 2 || parts.some(part => !/^\d+$/.test(part))) return `"${text}" is not a port`;
	if (!parts.every(part => isPort(Number(part)))) return `port ${text} is out of range (1-65535)`;
	if (parts.length === 2 && Number(parts[0]) > Number(parts[1])) return `port range ${text} is backwards`;
	return undefined;
}

/** Checks one `ports:` entry's numbers (short or long syntax); the shape itself is the normaliser's. */
export function portEntryProblem(entry: unknown): string | undefined {
	if (isMap(entry)) {
		const target = portRangeProblem(String(entry.target ?? ''));
		if (target) return target;
		return entry.published === undefined || entry.published === '' ? undefined : portRangeProblem(String(entry.published));
	}
	if (typeof entry === 'number') return portRangeProblem(String(entry));
	if (typeof entry !== 'string') return 'a port must be a string, a number or a mapping';
	const m = /^(?:(?:\[?[\d.:a-fA-F]+\]?:)?([\d-]*):)?([\d-]+)(?:\/(?:tcp|udp|sctp))?$/.exec(entry);
	if (!m) return undefined; // The normaliser names the bad syntax.
	return portRangeProblem(m[2]!) ?? (m[1] ? portRangeProblem(m[1]) : undefined);
}

function listOrMap(value: unknown, path: Path, fail: Fail, what: string): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) {
		value.forEach((item, index) => typeof item !== 'string' && fail([...path, index], `${what} entries must be strings like KEY=VALUE (got ${JSON.stringify(item)})`));
	} else if (isMap(value)) {
		for (const [key, item] of Object.entries(value)) if (!isScalar(item)) fail([...path, key], `${what}.${key} must be a string, a number or a boolean`);
	} else fail(path, `${what} must be a mapping or a list (got ${JSON.stringify(value)})`);
}

function stringList(value: unknown, path: Path, fail: Fail, what: string): void {
	if (value === undefined || value === null) return;
	if (!Array.isArray(value)) fail(path, `${what} must be a list (got ${JSON.stringify(value)})`);
	else value.forEach((item, index) => typeof item !== 'string' && fail([...path, index], `${what} entries must be strings (got ${JSON.stringify(item)})`));
}

function stringOrList(value: unknown, path: Path, fail: Fail, what: string): void {
	if (value === undefined || value === null || typeof value === 'string') return;
	if (!Array.isArray(value)) fail(path, `${what} must be a string or a list (got ${JSON.stringify(value)})`);
	else value.forEach((item, index) => !['string', 'number'].includes(typeof item) && fail([...path, index], `${what} entries must be strings (got ${JSON.stringify(item)})`));
}

function scalarString(value: unknown, path: Path, fail: Fail, what: string): void {
	if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') fail(path, `${what} must be a string (got ${JSON.stringify(value)})`);
}

function wholeNumber(value: unknown, path: Path, fail: Fail, what: string, min: number, max: number): void {
	if (value === undefined || value === null) return;
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isSafeInteger(number) || number < min || number > max) fail(path, `${what} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
}

function durationValue(value: unknown, path: Path, fail: Fail, what: string): void {
	if (value === undefined || value === null || typeof value === 'number') return;
	if (typeof value !== 'string' || parseDuration(value) === undefined) fail(path, `${what}: invalid duration ${JSON.stringify(value)} (use e.g. 500ms, 5s, 1m30s)`);
}

/** The `x-deckhand:` values: durations, ports, status ranges, reload method and signal, keep count. */
export function checkXDeckhand(block: unknown, path: Path, fail: Fail): void {
	if (!isMap(block)) return; // Shape problems are reported by xDeckhandToLabels.
	const ready = isMap(block.ready) ? block.ready : {};
	const reload = isMap(block.reload) ? block.reload : {};
	const deploy = isMap(block.deploy) ? block.deploy : {};
	durationValue(ready.timeout, [...path, 'ready', 'timeout'], fail, 'x-deckhand.ready.timeout');
	durationValue(ready.uptime, [...path, 'ready', 'uptime'], fail, 'x-deckhand.ready.uptime');
	wholeNumber(ready.tcp, [...path, 'ready', 'tcp'], fail, 'x-deckhand.ready.tcp (a port)', 1, 65535);
	if (ready.http !== undefined) {
		const http = /^(\d+)(\/.*)?$/.exec(String(ready.http));
		if (!http || !isPort(Number(http[1]))) fail([...path, 'ready', 'http'], `x-deckhand.ready.http must be PORT or PORT/PATH with a port 1-65535 (got ${JSON.stringify(ready.http)})`);
	}
	if (ready.http_status !== undefined && !/^[1-5]\d\d(-[1-5]\d\d)?$/.test(String(ready.http_status))) fail([...path, 'ready', 'http_status'], `x-deckhand.ready.http_status must be a status or a range like 200-399 (got ${JSON.stringify(ready.http_status)})`);
	if (reload.method !== undefined && !['signal', 'touch', 'exec', 'restart'].includes(String(reload.method))) fail([...path, 'reload', 'method'], `x-deckhand.reload.method must be signal, touch, exec or restart (got ${JSON.stringify(reload.method)})`);
	if (reload.signal !== undefined && normaliseSignal(String(reload.signal)) === undefined) fail([...path, 'reload', 'signal'], `x-deckhand.reload.signal: ${signalProblem(String(reload.signal))}`);
	wholeNumber(deploy.keep, [...path, 'deploy', 'keep'], fail, 'x-deckhand.deploy.keep', 1, 1000);
}

/** Checks one raw service mapping against the compose spec's types for the supported keys. */
export function checkServiceTypes(name: string, raw: Raw, fail: Fail): void {
	const path = ['services', name];
	const at = (key: string) => [...path, key];
	scalarString(raw.image, at('image'), fail, 'image');
	stringOrList(raw.command, at('command'), fail, 'command');
	stringOrList(raw.entrypoint, at('entrypoint'), fail, 'entrypoint');
	listOrMap(raw.environment, at('environment'), fail, 'environment');
	listOrMap(raw.labels, at('labels'), fail, 'labels');
	if (raw.env_file !== undefined && typeof raw.env_file !== 'string' && !Array.isArray(raw.env_file)) fail(at('env_file'), `env_file must be a path or a list (got ${JSON.stringify(raw.env_file)})`);
	if (raw.depends_on !== undefined && !Array.isArray(raw.depends_on) && !isMap(raw.depends_on)) fail(at('depends_on'), `depends_on must be a list of services or a mapping (got ${JSON.stringify(raw.depends_on)})`);
	if (Array.isArray(raw.depends_on)) raw.depends_on.forEach((item, index) => typeof item !== 'string' && fail([...path, 'depends_on', index], `depends_on entries must be service names (got ${JSON.stringify(item)})`));
	if (isMap(raw.depends_on)) for (const [dependency, setting] of Object.entries(raw.depends_on)) if (setting !== null && !isMap(setting)) fail([...path, 'depends_on', dependency], `depends_on.${dependency} must be a mapping (condition, restart, required)`);
	if (raw.networks !== undefined && !Array.isArray(raw.networks) && !isMap(raw.networks)) fail(at('networks'), `networks must be a list or a mapping (got ${JSON.stringify(raw.networks)})`);
	stringList(raw.profiles, at('profiles'), fail, 'profiles');
	if (Array.isArray(raw.ports)) raw.ports.forEach((entry, index) => {
		const problem = portEntryProblem(entry);
		if (problem) fail([...path, 'ports', index], problem);
	});
	if (raw.restart !== undefined && raw.restart !== null && (typeof raw.restart !== 'string' || !isRestartPolicy(raw.restart))) fail(at('restart'), `restart must be no, always, on-failure[:N] or unless-stopped (got ${JSON.stringify(raw.restart)})`);
	if (raw.stop_signal !== undefined && raw.stop_signal !== null && normaliseSignal(String(raw.stop_signal)) === undefined) fail(at('stop_signal'), `stop_signal: ${signalProblem(String(raw.stop_signal))}`);
	if (raw.container_name !== undefined && !containerNamePattern.test(String(raw.container_name))) fail(at('container_name'), `invalid container_name ${JSON.stringify(raw.container_name)} (letters, digits, "_", "." and "-", starting with a letter or digit)`);
	scalarString(raw.user, at('user'), fail, 'user');
	scalarString(raw.working_dir, at('working_dir'), fail, 'working_dir');
	if (raw.healthcheck !== undefined && raw.healthcheck !== null) {
		if (!isMap(raw.healthcheck)) fail(at('healthcheck'), 'healthcheck must be a mapping');
		else {
			stringOrList(raw.healthcheck.test, [...path, 'healthcheck', 'test'], fail, 'healthcheck.test');
			wholeNumber(raw.healthcheck.retries, [...path, 'healthcheck', 'retries'], fail, 'healthcheck.retries', 0, 1000);
		}
	}
	if (raw.deploy !== undefined && raw.deploy !== null) {
		if (!isMap(raw.deploy)) fail(at('deploy'), 'deploy must be a mapping');
		else wholeNumber(raw.deploy.replicas, [...path, 'deploy', 'replicas'], fail, 'deploy.replicas', 0, 10_000);
	}
	checkReplicas(name, raw, fail);
	if (raw.logging !== undefined && raw.logging !== null && !isMap(raw.logging)) fail(at('logging'), 'logging must be a mapping');
	checkXDeckhand(raw['x-deckhand'], at('x-deckhand'), fail);
}

/**
 * `scale:` and `deploy.replicas` as compose reads them: whole numbers, equal when both are set,
 * and no fixed `container_name` on a service that runs more than one container.
 */
function checkReplicas(name: string, raw: Raw, fail: Fail): void {
	const path = ['services', name];
	wholeNumber(raw.scale, [...path, 'scale'], fail, 'scale', 0, 10_000);
	const replicas = isMap(raw.deploy) ? raw.deploy.replicas : undefined;
	const set = (value: unknown) => value !== undefined && value !== null;
	if (set(raw.scale) && set(replicas) && Number(raw.scale) !== Number(replicas)) fail([...path, 'scale'], `service ${name}: scale (${String(raw.scale)}) and deploy.replicas (${String(replicas)}) differ; set one of them`);
	const count = Number(set(raw.scale) ? raw.scale : set(replicas) ? replicas : 1);
	if (set(raw.container_name) && count > 1) fail([...path, 'container_name'], `service ${name}: container_name ${JSON.stringify(raw.container_name)} cannot name ${count} replicas; remove it or run one replica`);
}
