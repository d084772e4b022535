/**
 * `deckhand scale SERVICE=N... [-p STACK] [--timeout DUR] [--no-wait]`: sets Swarm services'
 * replica counts and waits until that many tasks are running (and healthy) for their minimum
 * uptime. Exit 0 ready, 1 not ready in time (with the tasks' last state), 2 bad input or an
 * unknown service.
 */
import {connectPorts} from './connect.js';
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
	usage: 'deckhand scale SERVICE=REPLICAS... [-p STACK] [--timeout DUR] [--no-wait]',
	summary: 'Scale Swarm services and wait until the new replica count is ready',
	flags: {
		projectName: {type: 'string', shortFlag: 'p'},
		timeout: {type: 'string'},
		wait: {type: 'boolean', default: true},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		const requests = parseScaleArgs(input);
		for (const {service, replicas} of requests) {
			if (!Number.isSafeInteger(replicas) || replicas > maxReplicas) throw new UsageError(`${service}: replicas must be a whole number from 0 to ${maxReplicas}`);
		}
		const timeoutMs = flags.timeout === undefined ? 300_000 : parseDuration(flags.timeout);
		if (timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}" (use e.g. 90s, 2m)`);
		const {ports} = await connectPorts(global);
		const results = await Promise.allSettled(
			requests.map(async ({service, replicas}) => {
				const result = await scaleService(ports, service, replicas, {signal, timeoutMs, stack: flags.projectName, noWait: !flags.wait});
				stdout.write(`✔ ${sanitizeText(result.service)} scaled to ${replicas}${flags.wait ? `, ready in ${formatDuration(result.elapsedMs)}` : ''}\n`);
				return result;
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
