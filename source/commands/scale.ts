/**
 * `deckhand scale SERVICE=N... [-p PROJECT] [--timeout DUR] [--no-wait] [--json]`: sets the
 * replica count of compose services (numbered containers, like compose; see
 * engine/actions/compose/scale.ts) or Swarm services, and waits until that many are ready
 * (healthy, or running for their minimum uptime). A name is a compose service when containers
 * of a project carry it (`-p` or `PROJECT/SERVICE` picks the project; in several projects
 * without one it is exit 2), else a Swarm service. Exit 0 ready, 1 not ready in time (with the
 * probe and its last output), 2 bad input or an unknown service.
 */
import {connectPorts} from './connect.js';
import {composeProjectsOf, scaleComposeService} from '../engine/actions/compose/scale.js';
import {listContainers, type ContainerRef} from '../engine/containers/resolve.js';
import {formatDuration, parseDuration} from '../engine/duration.js';
import {OperationFailedError, UsageError} from '../engine/errors.js';
import {parseScaleArgs} from '../engine/swarm/scale-args.js';
import {scaleService} from '../engine/swarm/update.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {defineCommand} from './types.js';

/** More replicas than any one engine could run: a typo, refused before Docker answers HTTP 400. */
const maxReplicas = 10_000;

export default defineCommand({
	name: 'scale',
	usage: 'deckhand scale SERVICE=REPLICAS... [-p PROJECT] [--timeout DUR] [--no-wait] [--json]',
	summary: 'Scale compose or Swarm services and wait until the new replica count is ready',
	flags: {
		projectName: {type: 'string', shortFlag: 'p'},
		timeout: {type: 'string'},
		wait: {type: 'boolean', default: true},
		json: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		const requests = parseScaleArgs(input);
		for (const {service, replicas} of requests) {
			if (!Number.isSafeInteger(replicas) || replicas > maxReplicas) throw new UsageError(`${service}: replicas must be a whole number from 0 to ${maxReplicas}`);
		}
		const timeoutMs = flags.timeout === undefined ? 300_000 : parseDuration(flags.timeout);
		if (timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}" (use e.g. 90s, 2m)`);
		const {ports} = await connectPorts(global);
		const containers = await listContainers(ports);
		// Every name is resolved before anything changes: an ambiguous one is exit 2 with nothing scaled.
		const targets = requests.map(request => ({...request, project: composeProjectOf(containers, request.service, flags.projectName)}));
		const json = (line: object) => stdout.write(`${JSON.stringify(line)}\n`);
		const results = await Promise.allSettled(
			targets.map(async ({service, replicas, project}) => {
				if (project) {
					const name = service.includes('/') ? service.slice(service.indexOf('/') + 1) : service;
					const result = await scaleComposeService(ports, {project, service: name, replicas}, {signal, timeoutMs, onEvent: flags.json ? json : undefined});
					if (flags.json) json({type: 'scaled', ...result});
					else stdout.write(`✔ ${sanitizeText(`${project}/${name}`)} scaled to ${replicas}, ready in ${formatDuration(result.elapsedMs)}\n`);
					return;
				}
				const result = await scaleService(ports, service, replicas, {signal, timeoutMs, stack: flags.projectName, noWait: !flags.wait});
				if (flags.json) json({type: 'scaled', service: result.service, replicas, taskIds: result.taskIds, elapsedMs: result.elapsedMs});
				else stdout.write(`✔ ${sanitizeText(result.service)} scaled to ${replicas}${flags.wait ? `, ready in ${formatDuration(result.elapsedMs)}` : ''}\n`);
			}),
		);
		const errors = results.flatMap(result => (result.status === 'rejected' ? [result.reason as Error] : []));
		// Bad input wins: an unknown service is exit 2 even if another scale also failed.
		const usage = errors.find(error => error instanceof UsageError);
		if (usage) throw usage;
		for (const error of errors) stderr.write(`✘ ${sanitizeText(error.message)}\n`);
		if (errors.length > 0) throw new OperationFailedError(`${errors.length} of ${requests.length} not ready: ${errors.map(error => sanitizeText(error.message)).join('; ')}`);
		return 0;
	},
});

/**
 * The compose project `service` belongs to (`PROJECT/SERVICE`, `-p`, or the only project that
 * has it), or undefined for a Swarm service; in several projects without a choice, exit 2.
 */
function composeProjectOf(containers: readonly ContainerRef[], service: string, chosen: string | undefined): string | undefined {
	const slash = service.indexOf('/');
	const project = slash > 0 ? service.slice(0, slash) : chosen;
	const projects = composeProjectsOf(containers, slash > 0 ? service.slice(slash + 1) : service);
	if (project) {
		if (projects.includes(project)) return project;
		if (slash > 0) throw new UsageError(`no compose service ${sanitizeText(service.slice(slash + 1))} in project ${sanitizeText(project)}`);
		return undefined;
	}
	if (projects.length > 1) throw new UsageError(`service ${sanitizeText(service)} exists in several compose projects (${projects.map(project => sanitizeText(project)).join(', ')}); pass -p PROJECT`);
	return projects[0];
}
