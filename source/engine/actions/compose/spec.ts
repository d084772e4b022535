/**
 * What a compose service becomes on the engine, pure: container name, compose's labels
 * (so `docker compose ps` sees deckhand's containers), config hash, create options.
 */
import {createHash} from 'node:crypto';
import {Label} from '../../labels.js';
import type {ComposeProject, ComposeService} from '../../compose/types.js';
import type {ContainerCreateSpec} from '../../ports/index.js';

/** Key-sorted JSON, so equal configs hash equally whatever the key order. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value).filter(k => (value as Record<string, unknown>)[k] !== undefined).sort().map(k => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * sha256 of the normalised service config (compose's `config-hash` label). The replica count
 * is left out, as compose does: scaling a service must not recreate the replicas it keeps.
 */
export const configHash = (service: ComposeService): string =>
	createHash('sha256').update(stableJson({...service, scale: undefined, deploy: {...service.deploy, replicas: undefined}})).digest('hex');

/** How many containers a service runs: `scale:`, else `deploy.replicas`, else 1 (the loader refused a conflict). */
export const replicaCount = (service: Pick<ComposeService, 'scale' | 'deploy'>): number => service.scale ?? service.deploy.replicas ?? 1;

/** `<project>-<service>-<n>` (compose v2 naming) unless `container_name` is set. */
export const containerName = (project: string, service: ComposeService, number = 1): string => service.containerName ?? `${project}-${service.name}-${number}`;

/** Compose's depends_on label: `db:service_healthy:false,cache:service_started:true`. */
export const dependsOnLabel = (service: ComposeService): string =>
	Object.entries(service.dependsOn)
		.map(([name, setting]) => `${name}:${setting.condition}:${setting.restart}`)
		.join(',');

/** Parses compose's depends_on label back to names and conditions (works for stacks docker compose started). */
export function parseDependsOnLabel(text: string | undefined): Array<{service: string; condition: string; restart: boolean}> {
	if (!text) return [];
	return text
		.split(',')
		.filter(Boolean)
		.map(entry => {
			const [service = '', condition = 'service_started', restart = 'false'] = entry.split(':');
			return {service, condition, restart: restart === 'true'};
		});
}

/** Every label a service's container carries. */
export function serviceLabels(project: ComposeProject, service: ComposeService, number = 1): Record<string, string> {
	return {
		...service.labels,
		...project.extraLabels,
		[Label.composeProject]: project.name,
		[Label.composeService]: service.name,
		[Label.composeNumber]: String(number),
		[Label.composeOneoff]: 'False',
		[Label.composeConfigHash]: configHash(service),
		[Label.composeDependsOn]: dependsOnLabel(service),
		[Label.composeWorkingDir]: project.workingDir,
		[Label.composeConfigFiles]: project.configFiles.join(','),
		'com.docker.compose.version': 'deckhand',
		'com.docker.compose.image': service.image ?? '',
	};
}

/** The engine-side name of the network a service joins first (or its network mode). */
export function networkModeOf(project: ComposeProject, service: ComposeService): string {
	if (service.networkMode) return service.networkMode;
	const first = service.networks[0];
	if (first) return project.networks[first]?.name ?? `${project.name}_${first}`;
	return `${project.name}_default`;
}

const ns = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 1e6));

/** Docker create options for one container of a service. */
export function createOptions(project: ComposeProject, service: ComposeService, number = 1): ContainerCreateSpec {
	const networkMode = networkModeOf(project, service);
	const exposed: Record<string, object> = {};
	const bindings: Record<string, Array<{HostIp?: string; HostPort?: string}>> = {};
	for (const port of service.ports) {
		const key = `${port.target}/${port.protocol}`;
		exposed[key] = {};
		(bindings[key] ??= []).push({HostIp: port.hostIp ?? '', HostPort: port.published ?? ''});
	}
	const mounts = service.volumes.map(volume => ({
		Type: volume.type,
		Source: volume.type === 'volume' && volume.source ? project.volumes[volume.source]?.name ?? volume.source : volume.source,
		Target: volume.target,
		ReadOnly: volume.readOnly,
	}));
	const health = service.healthcheck;
	const restart = service.restart?.split(':');
	const limits = service.deploy.limits;
	const ownNetwork = !['none', 'host', 'bridge'].includes(networkMode) && !networkMode.startsWith('container:') && !networkMode.startsWith('service:');
	return {
		name: containerName(project.name, service, number),
		Image: service.image,
		Cmd: service.command ? [...service.command] : undefined,
		Entrypoint: service.entrypoint ? [...service.entrypoint] : undefined,
		Env: Object.entries(service.environment).map(([k, v]) => `${k}=${v}`),
		Labels: serviceLabels(project, service, number),
		User: service.user,
		WorkingDir: service.workingDir,
		StopSignal: service.stopSignal,
		StopTimeout: service.stopGracePeriodMs === undefined ? undefined : Math.ceil(service.stopGracePeriodMs / 1000),
		ExposedPorts: exposed,
		Healthcheck: health
			? health.disable
				? {Test: ['NONE']}
				: {Test: health.test ? [...health.test] : undefined, Interval: ns(health.intervalMs), Timeout: ns(health.timeoutMs), StartPeriod: ns(health.startPeriodMs), Retries: health.retries}
			: undefined,
		HostConfig: {
			NetworkMode: networkMode,
			PortBindings: bindings,
			Mounts: mounts,
			RestartPolicy: restart ? {Name: restart[0]!, MaximumRetryCount: restart[1] ? Number(restart[1]) : undefined} : undefined,
			Memory: limits?.memoryBytes,
			NanoCpus: limits?.cpus === undefined ? undefined : Math.round(limits.cpus * 1e9),
			LogConfig: service.logging ? {Type: service.logging.driver ?? 'json-file', Config: {...service.logging.options}} : undefined,
		},
		NetworkingConfig: ownNetwork ? {EndpointsConfig: {[networkMode]: {Aliases: [service.name]}}} : undefined,
	};
}
