/**
 * A compose service as a Swarm service spec, pure, the way `docker stack deploy` names and
 * labels things: service `<stack>_<service>`, `com.docker.stack.namespace` on the service
 * and its containers, networks `<stack>_<key>` as attachable overlays.
 *
 * Networks on the private single-node engine (dockerd --bridge=none): a service with
 * `network_mode: none` gets no attachment (its tasks run in an unconnected sandbox; the
 * API has no usable `none` network for services), `network_mode: host` attaches to the
 * `host` network, anything else joins overlays as compose would (these work on one node
 * too, through docker_gwbridge). Tests use `none`/`host` so they need no network at all.
 * Named volumes are created by each node on first use, as with `docker stack deploy`.
 * Not done: pruning services that left the file (`--prune`), configs/secrets, placement.
 */
import {Label} from '../labels.js';
import type {ComposeProject, ComposeService} from '../compose/types.js';
import type {ServiceSpec} from './types.js';

/** `<stack>_<service>`, as `docker stack deploy` names services. */
export const swarmServiceName = (stack: string, service: string): string => `${stack}_${service}`;

const ns = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 1e6));

/** The overlay networks (engine-side name) a service joins; empty for `none`/`host`. */
export function swarmNetworks(project: ComposeProject, service: ComposeService): string[] {
	if (service.networkMode === 'none' || service.networkMode === 'host') return [];
	const keys = service.networks.length > 0 ? service.networks : ['default'];
	return keys.map(key => project.networks[key]?.name ?? `${project.name}_${key}`);
}

/** Compose's `restart:` as a Swarm restart condition (`no` → none: one-shot jobs stay done). */
function restartCondition(restart: string | undefined): 'none' | 'on-failure' | 'any' {
	if (restart === 'no') return 'none';
	if (restart?.startsWith('on-failure')) return 'on-failure';
	return 'any';
}

/** The spec to create (or update to) for one compose service. */
export function swarmServiceSpec(project: ComposeProject, service: ComposeService): ServiceSpec {
	const namespace = {[Label.stackNamespace]: project.name};
	const labels = {...service.labels, ...project.extraLabels, ...namespace};
	const health = service.healthcheck;
	const limits = service.deploy.limits;
	const attachments = service.networkMode === 'host' ? [{Target: 'host'}] : swarmNetworks(project, service).map(name => ({Target: name, Aliases: [service.name]}));
	return {
		Name: swarmServiceName(project.name, service.name),
		Labels: {...labels, 'com.docker.stack.image': service.image ?? ''},
		TaskTemplate: {
			ContainerSpec: {
				Image: service.image,
				Command: service.entrypoint ? [...service.entrypoint] : undefined,
				Args: service.command ? [...service.command] : undefined,
				Env: Object.entries(service.environment).map(([key, value]) => `${key}=${value}`),
				Labels: labels,
				User: service.user,
				Dir: service.workingDir,
				StopSignal: service.stopSignal,
				StopGracePeriod: ns(service.stopGracePeriodMs),
				Healthcheck: health
					? health.disable
						? {Test: ['NONE']}
						: {Test: health.test ? [...health.test] : undefined, Interval: ns(health.intervalMs), Timeout: ns(health.timeoutMs), StartPeriod: ns(health.startPeriodMs), Retries: health.retries}
					: undefined,
				Mounts: service.volumes.map(volume => ({
					Type: volume.type,
					Source: volume.type === 'volume' && volume.source ? project.volumes[volume.source]?.name ?? `${project.name}_${volume.source}` : volume.source,
					Target: volume.target,
					ReadOnly: volume.readOnly,
				})),
			},
			Resources: limits ? {Limits: {NanoCPUs: limits.cpus === undefined ? undefined : Math.round(limits.cpus * 1e9), MemoryBytes: limits.memoryBytes}} : undefined,
			RestartPolicy: {Condition: restartCondition(service.restart)},
			Networks: attachments.length > 0 ? attachments : undefined,
			ForceUpdate: 0,
		},
		Mode: {Replicated: {Replicas: service.deploy.replicas ?? 1}},
		// One task at a time, the new one up before the old one goes: a rolling restart without a gap.
		UpdateConfig: {Parallelism: 1, Order: 'start-first', FailureAction: 'pause'},
		EndpointSpec: service.ports.length > 0
			? {Ports: service.ports.map(port => ({Protocol: port.protocol, TargetPort: port.target, PublishedPort: port.published ? Number(port.published) : undefined, PublishMode: 'ingress' as const}))}
			: undefined,
	} as ServiceSpec;
}
