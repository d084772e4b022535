/**
 * What the Inspect and Health tabs show of a container, from Docker's inspect result (pure).
 */
import type {inspectContainer} from '../../docker/console-engine.js';
import type {ContainerDetails} from '../view/types.js';

/** Maps an inspect result to what the Inspect and Health tabs show. */
export function detailsFrom(info: Awaited<ReturnType<typeof inspectContainer>>): ContainerDetails {
	const check = info.Config.Healthcheck?.Test;
	const ports = Object.entries(info.HostConfig.PortBindings ?? {}).map(([port, bindings]) => `${port} → ${((bindings as Array<{HostPort?: string}>) ?? []).map(binding => binding.HostPort).join(',')}`);
	const health = (info.State as {Health?: {Log?: Array<{Start: string; ExitCode: number; Output: string}>}}).Health?.Log ?? [];
	return {
		id: info.Id,
		name: info.Name,
		image: info.Config.Image,
		command: [...(info.Config.Entrypoint ? [info.Config.Entrypoint].flat() : []), ...(info.Config.Cmd ?? [])],
		env: info.Config.Env ?? [],
		labels: info.Config.Labels ?? {},
		restartPolicy: info.HostConfig.RestartPolicy?.Name || 'no',
		networkMode: info.HostConfig.NetworkMode,
		mounts: (info.Mounts ?? []).map(mount => `${mount.Source ?? mount.Name ?? ''} → ${mount.Destination}${mount.RW ? '' : ' (ro)'}`),
		ports,
		healthcheck: check && check[0] !== 'NONE' ? check.join(' ') : undefined,
		health: health.map(entry => ({start: entry.Start, exitCode: entry.ExitCode, output: entry.Output})),
		state: info.State.Status,
		startedAt: info.State.StartedAt,
		exitCode: info.State.ExitCode,
	};
}
