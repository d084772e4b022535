/**
 * What the Inspect and Health tabs show of a container, from Docker's inspect result (pure).
 */
import type {ContainerInspectJson} from '../../engine/ports/index.js';
import {composeFilesFromLabels, lintContainers, lintProject, type ContainerInspect, type Finding} from '../../engine/doctor/index.js';
import type {ContainerDetails, DoctorFinding} from '../view/types.js';

const toView = (finding: Finding): DoctorFinding => ({
	rule: finding.rule, severity: finding.severity, where: finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file, message: finding.message, fix: finding.fix,
});

/**
 * Doctor findings for one container: the live-config rules on its inspect result, plus the
 * rules on its compose project's files (from the compose labels) when they are readable here.
 * A file that cannot be read or parsed is itself reported, never thrown.
 */
export function doctorFindings(info: ContainerInspect): DoctorFinding[] {
	const live = lintContainers([info]).map(toView);
	const project = composeFilesFromLabels(info.Config?.Labels ?? {});
	if (!project) return live;
	try {
		return [...live, ...lintProject(project).findings.map(toView)];
	} catch (error) {
		return [...live, {rule: 'doctor/unreadable', severity: 'info', where: project.composeFiles.join(','), message: (error as Error).message.split('\n')[0]!, fix: 'run deckhand doctor where the compose files are'}];
	}
}

/** Maps an inspect result to what the Inspect and Health tabs show. */
export function detailsFrom(info: ContainerInspectJson): ContainerDetails {
	const check = info.Config.Healthcheck?.Test;
	const ports = Object.entries(info.HostConfig.PortBindings ?? {}).map(([port, bindings]) => `${port} → ${((bindings as Array<{HostPort?: string}>) ?? []).map(binding => binding.HostPort).join(',')}`);
	const health = info.State.Health?.Log ?? [];
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
