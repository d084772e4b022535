/**
 * Compose rules, on what `loadCompose` returns: the merged, normalised project for whole-service
 * rules, and each file's own (un-interpolated) YAML for values whose spelling matters (a
 * literal secret vs `${VAR}`) and for list entries whose line must be exact.
 */
import {locateIn, locateNearest} from '../compose/locate.js';
import {normaliseService} from '../compose/normalise.js';
import type {ComposeService, LoadedCompose, PortMapping, SourceDocument, VolumeMount} from '../compose/types.js';
import {dataStoreOf, unpinnedReason} from './image-ref.js';
import {composeRules as rules} from './rules.js';
import {finding, type Finding, type Rule} from './types.js';

type Raw = Record<string, unknown>;
const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A start shorter than this is "typical"; checks that give up sooner need a start_period. */
export const typicalStartMs = 30_000;

const secretName = /(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|_KEY$|^KEY$)/i;
const flagValue = /^(?:true|false|yes|no|on|off|0|1)$/i;

/** The inline-secret fix naming the key's own variable: `API_TOKEN` → `${API_TOKEN}`. */
export function inlineSecretFix(key: string): string {
	const variable = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : 'SECRET_VARIABLE';
	return rules.inlineSecret.fix.replace('${DB_PASSWORD}', `\${${variable}}`);
}

/** Whether an environment entry looks like a secret written inline (not `${VAR}`, not a `*_FILE` path, not a flag). */
export function isInlineSecret(name: string, value: unknown): boolean {
	if (!secretName.test(name) || /_FILE$/i.test(name)) return false;
	if (value === null || value === undefined || typeof value === 'boolean') return false;
	const text = String(value);
	// `${DB_PASSWORD:-hunter2}` still writes the secret into the file, as the default.
	const literalDefault = [...text.matchAll(/\$\{\w+:?-([^}]*)\}/g)].some(match => match[1] !== '' && !match[1]!.includes('$'));
	return literalDefault || (text !== '' && !text.includes('$') && !flagValue.test(text));
}

/** Services that others wait on to finish (`service_completed_successfully`): one-shot jobs, not long-running. */
function oneShotServices(services: Readonly<Record<string, ComposeService>>): Set<string> {
	const out = new Set<string>();
	for (const service of Object.values(services)) {
		for (const [name, setting] of Object.entries(service.dependsOn)) if (setting.condition === 'service_completed_successfully') out.add(name);
	}
	return out;
}

/** Normalises one raw list entry with the shared normaliser, so short and long syntax read the same. */
function normaliseEntry(name: string, key: 'ports' | 'volumes', entry: unknown, workingDir: string): PortMapping | VolumeMount | undefined {
	const service = normaliseService(name, {[key]: [entry]}, {workingDir, report: () => undefined, envFiles: () => ({})});
	return service[key][0];
}

/** Whether anything can tell that `service` is ready: a live healthcheck or a `deckhand.ready.*` probe. */
const canReportReady = (service: ComposeService): boolean =>
	(service.healthcheck !== undefined && !service.healthcheck.disable && service.healthcheck.test !== undefined) ||
	Object.keys(service.labels).some(label => label.startsWith('deckhand.ready.') && label !== 'deckhand.ready.timeout');

const describeMs = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** What a service check sees: the service, the whole project and the raw keys the normaliser does not keep. */
type ServiceContext = {
	readonly service: ComposeService;
	readonly services: Readonly<Record<string, ComposeService>>;
	readonly longRunning: boolean;
	/** A raw service key (last file that sets it), for keys outside the normalised model (mem_limit, deploy.restart_policy). */
	readonly raw: (key: string) => unknown;
};

/** A hit of one service check: the rule, the key path to point at, the message. */
type Hit = {readonly rule: Rule; readonly path: Array<string | number>; readonly message: string};

/** Whether a mount keeps `dataDir` across container recreation (named volume or bind, on it, above it or inside it). */
const persists = (mount: VolumeMount, dataDir: string) =>
	mount.type !== 'tmpfs' && mount.source !== undefined && (dataDir === mount.target || dataDir.startsWith(`${mount.target.replace(/\/$/, '')}/`) || mount.target.startsWith(`${dataDir}/`));

/** One function per whole-service rule. */
const serviceChecks: ReadonlyArray<(context: ServiceContext) => Hit[]> = [
	({service, longRunning}) => (longRunning && !service.healthcheck ? [{rule: rules.noHealthcheck, path: [], message: `service ${service.name} has no healthcheck`}] : []),
	({service, longRunning, raw}) => {
		const deploy = raw('deploy');
		const swarmPolicy = isMap(deploy) && deploy.restart_policy !== undefined;
		return longRunning && service.restart === undefined && !swarmPolicy ? [{rule: rules.noRestartPolicy, path: [], message: `service ${service.name} has no restart policy`}] : [];
	},
	({service, raw}) => {
		const memory = service.deploy.limits?.memoryBytes !== undefined || raw('mem_limit') !== undefined;
		const cpus = service.deploy.limits?.cpus !== undefined || raw('cpus') !== undefined;
		if (memory && cpus) return [];
		const missing = !memory && !cpus ? 'memory or CPU limit' : !memory ? 'memory limit' : 'CPU limit';
		return [{rule: rules.noResourceLimits, path: service.deploy.limits ? ['deploy', 'resources', 'limits'] : [], message: `service ${service.name} has no ${missing}`}];
	},
	({service}) => {
		const driver = service.logging?.driver ?? 'json-file';
		const rotated = driver !== 'json-file' || service.logging?.options['max-size'] !== undefined;
		return rotated ? [] : [{rule: rules.noLogRotation, path: service.logging ? ['logging'] : [], message: `service ${service.name} logs with json-file and no max-size`}];
	},
	({service}) => {
		const reason = service.image ? unpinnedReason(service.image) : undefined;
		if (!reason) return [];
		return [{rule: rules.unpinnedImage, path: ['image'], message: reason === 'latest' ? `service ${service.name} uses ${service.image}` : `service ${service.name} uses the untagged image ${service.image}`}];
	},
	({service}) => {
		const store = service.image ? dataStoreOf(service.image) : undefined;
		const dataDir = store?.dataDir;
		if (!store || !dataDir || service.volumes.some(mount => persists(mount, dataDir))) return [];
		return [{rule: rules.databaseNoVolume, path: ['image'], message: `${store.name} service ${service.name} has no volume on ${dataDir}`}];
	},
	({service, services}) =>
		Object.entries(service.dependsOn)
			.filter(([dependency, setting]) => {
				const target = services[dependency]?.healthcheck;
				return setting.condition === 'service_started' && target !== undefined && !target.disable && target.test !== undefined;
			})
			.map(([dependency]) => ({rule: rules.dependsOnNotHealthy, path: ['depends_on', dependency], message: `service ${service.name} depends on ${dependency}, which has a healthcheck, without condition: service_healthy`})),
	({service, services}) =>
		Object.entries(service.dependsOn)
			.filter(([dependency, setting]) => setting.condition === 'service_started' && services[dependency] !== undefined && !canReportReady(services[dependency]!))
			.map(([dependency]) => ({
				rule: rules.dependsOnNoReadiness,
				path: ['depends_on', dependency],
				message: `service ${service.name} depends on ${dependency}, which has no healthcheck or readiness probe: ${service.name} starts before ${dependency} is ready`,
			})),
	({service}) => {
		const check = service.healthcheck;
		if (!check || check.disable || check.test === undefined || check.startPeriodMs !== undefined) return [];
		const interval = check.intervalMs ?? 30_000;
		const retries = check.retries ?? 3;
		if (interval * retries >= typicalStartMs) return [];
		return [{rule: rules.healthcheckNoStartPeriod, path: ['healthcheck'], message: `healthcheck of ${service.name} marks it unhealthy after ${describeMs(interval * retries)} (interval ${describeMs(interval)} × ${retries} retries) and has no start_period`}];
	},
];

/** Rules on the merged project; each hit points at the last file that sets its key. */
function serviceRules(loaded: LoadedCompose, rawServices: readonly Raw[]): Finding[] {
	const {services} = loaded.project;
	const oneShot = oneShotServices(services);
	return Object.values(services).flatMap(service => {
		const raw = (key: string) =>
			rawServices
				.map(file => file[service.name])
				.map(entry => (isMap(entry) ? entry[key] : undefined))
				.reverse()
				.find(value => value !== undefined);
		const context: ServiceContext = {service, services, longRunning: !oneShot.has(service.name), raw};
		return serviceChecks.flatMap(check => check(context)).map(hit => {
			const position = locateNearest(loaded.documents, ['services', service.name, ...hit.path]) ?? {file: loaded.project.configFiles[0]!, line: 1};
			return finding(hit.rule, position.file, position.line, hit.message);
		});
	});
}

/** Rules on one file's own YAML: exact lines, literal values. */
function documentRules(loaded: LoadedCompose, source: SourceDocument, raw: Raw): Finding[] {
	const out: Finding[] = [];
	const add = (rule: Rule, path: Array<string | number>, message: string, fix?: string) => {
		// A key that arrives through a YAML merge key (`<<: *defaults`) has no node of its own: point at its nearest ancestor.
		const position = locateIn([source], path) ?? locateNearest([source], path) ?? {file: source.file, line: 1};
		const found = finding(rule, position.file, position.line, message);
		out.push(fix === undefined ? found : {...found, fix});
	};
	const {workingDir, services} = loaded.project;
	for (const [name, service] of Object.entries(raw)) {
		if (!isMap(service) || !services[name]) continue;
		const base = ['services', name];
		const environment = service.environment;
		const entries: Array<[string, unknown]> = isMap(environment)
			? Object.entries(environment)
			: Array.isArray(environment)
				? environment.map(item => String(item)).filter(item => item.includes('=')).map(item => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)])
				: [];
		for (const [key, value] of entries) {
			if (isInlineSecret(key, value)) add(rules.inlineSecret, [...base, 'environment', key], `service ${name} sets ${key} to a literal value`, inlineSecretFix(key));
		}
		if (service.privileged === true) add(rules.privileged, [...base, 'privileged'], `service ${name} runs privileged`);
		(Array.isArray(service.volumes) ? service.volumes : []).forEach((entry, index) => {
			const mount = normaliseEntry(name, 'volumes', entry, workingDir) as VolumeMount | undefined;
			if (mount?.type === 'bind' && /(?:^|\/)docker\.sock$/.test(mount.source ?? '')) add(rules.dockerSocket, [...base, 'volumes', index], `service ${name} mounts the Docker socket ${mount.source}`);
		});
		const image = services[name]!.image;
		const store = image ? dataStoreOf(image) : undefined;
		if (!store) continue;
		(Array.isArray(service.ports) ? service.ports : []).forEach((entry, index) => {
			const port = normaliseEntry(name, 'ports', entry, workingDir) as PortMapping | undefined;
			if (!port) return;
			const allInterfaces = port.hostIp === undefined || port.hostIp === '' || port.hostIp === '0.0.0.0' || port.hostIp === '::';
			if (allInterfaces) add(rules.databasePortPublic, [...base, 'ports', index], `${store.name} port ${port.target} of service ${name} is published on all interfaces`);
		});
	}
	return out;
}

/** Lints a loaded compose project (ignore comments not applied). */
export function lintCompose(loaded: LoadedCompose): Finding[] {
	const raws = loaded.documents.map(source => {
		const js: unknown = source.document.toJS();
		return isMap(js) && isMap(js.services) ? js.services : {};
	});
	return [...serviceRules(loaded, raws), ...loaded.documents.flatMap((source, index) => documentRules(loaded, source, raws[index]!))];
}
