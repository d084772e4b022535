/**
 * `deckhand restart SERVICE... [--with-dependents] [-p NAME | -f FILE]`: restart and wait ready;
 * with dependents, stop them first and bring them back in dependency order, each gated.
 */
import {connectEngine} from '../docker/client.js';
import {restartServices} from '../engine/actions/compose/restart.js';
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import {parseDuration} from '../engine/duration.js';
import {OperationFailedError, UsageError} from '../engine/errors.js';
import {formatFailure, formatStepEvent} from '../engine/plan/progress.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'restart',
	usage: 'deckhand restart SERVICE... [--with-dependents] [-f FILE]... [-p NAME] [--timeout DUR] [--json]',
	summary: 'Restart services and wait until ready; optionally their dependents too, in order',
	flags: {
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		projectName: {type: 'string', shortFlag: 'p'},
		withDependents: {type: 'boolean', default: false},
		timeout: {type: 'string'},
		failFast: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		if (input.length === 0) throw new UsageError('restart needs at least one SERVICE');
		// Every wait has a deadline: 5 minutes unless told otherwise.
		const timeoutMs = flags.timeout === undefined ? 300_000 : parseDuration(flags.timeout);
		if (flags.timeout !== undefined && timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}"`);
		const project = flags.projectName && !flags.file?.length ? normaliseProjectName(flags.projectName) : loadCompose({files: flags.file, projectName: flags.projectName}).project.name;
		const {docker} = await connectEngine(global);
		const result = await restartServices(docker, project, input, {
			withDependents: flags.withDependents,
			timeoutMs,
			failFast: flags.failFast,
			signal,
			onEvent: event => {
				if (flags.json) stdout.write(`${JSON.stringify(event)}\n`);
				else if (event.type === 'stopping') stdout.write(`· ${event.service} stopping\n`);
				else if (event.type !== 'pending') stdout.write(`${formatStepEvent(event)}\n`);
			},
		});
		if (result.failed) {
			if (!flags.json) stderr.write(`${formatFailure(result.failed.step.id, result.failed.failure)}\n`);
			throw new OperationFailedError(`restart failed at ${result.failed.step.id}: ${result.failed.failure.message}`);
		}
		return 0;
	},
});
