/**
 * `deckhand wait [SERVICE...] [-p PROJECT] [--timeout DUR] [--fail-fast]`: waits until running
 * services are ready, on the probes their `deckhand.ready.*` labels ask for (else Docker's
 * healthcheck, else running); Swarm services by their tasks (running, healthy, old enough).
 * For entrypoints and CI: exit 0 ready, 1 a probe failed or timed out (its last output
 * printed), 2 an unknown service.
 */
import {connectPorts} from './connect.js';
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import {formatDuration, parseDuration} from '../engine/duration.js';
import {OperationFailedError, UsageError} from '../engine/errors.js';
import {waitForServices} from '../engine/wait/services.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {defineCommand} from './types.js';

/** Container-supplied text (names, probe output) as one safe line. */
const sanitize = (text: string) => sanitizeText(text.replace(/\s*\n\s*/g, ' | '));

/** Without --timeout a wait still ends: two minutes. */
const defaultTimeoutMs = 120_000;

export default defineCommand({
	name: 'wait',
	usage: 'deckhand wait [SERVICE...] [-p PROJECT] [-f FILE]... [--timeout DUR] [--fail-fast]',
	summary: 'Wait until running services are ready (exit 0), or say which probe failed (exit 1)',
	flags: {
		projectName: {type: 'string', shortFlag: 'p'},
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		timeout: {type: 'string'},
		failFast: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		const timeoutMs = flags.timeout === undefined ? defaultTimeoutMs : parseDuration(flags.timeout);
		if (timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}" (use e.g. 90s, 2m)`);
		// A project is needed only to pick "all services": -p, else the compose file here.
		const project = flags.projectName
			? normaliseProjectName(flags.projectName)
			: input.length === 0 || flags.file?.length
				? loadCompose({files: flags.file}).project.name
				: undefined;
		const {ports} = await connectPorts(global);
		const results = await waitForServices(ports, {
			names: input,
			project,
			timeoutMs,
			failFast: flags.failFast,
			signal,
			onResult(result) {
				const name = sanitize(result.name);
				if (result.error) stderr.write(`✘ ${name} not ready: ${sanitize(result.error.message)}\n`);
				else stdout.write(`✔ ${name} ready (${sanitize(result.probe)}) in ${formatDuration(result.elapsedMs)}\n`);
			},
		});
		const failed = results.filter(result => result.error);
		// Each failure was printed above with its probe and last output; the exit line only sums up.
		if (failed.length > 0) throw new OperationFailedError(`${failed.length} of ${results.length} not ready: ${failed.map(result => sanitize(result.name)).join(', ')}`);
		return 0;
	},
});
