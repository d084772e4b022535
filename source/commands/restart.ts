/**
 * `deckhand restart SERVICE... [--with-dependents] [-p NAME | -f FILE]`: restart and wait ready;
 * with dependents, stop them first and bring them back in dependency order, each gated.
 */
import {restartServices} from '../engine/actions/compose/restart.js';
import {stopSettingsOf} from '../engine/actions/compose/stop.js';
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import {parseDuration} from '../engine/duration.js';
import {OperationFailedError, UsageError} from '../engine/errors.js';
import {formatFailure, formatStepEvent} from '../engine/plan/progress.js';
import {connectPorts} from './connect.js';
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
		const loaded = flags.projectName && !flags.file?.length ? undefined : loadCompose({files: flags.file, projectName: flags.projectName});
		const project = loaded?.project.name ?? normaliseProjectName(flags.projectName!);
		const {ports} = await connectPorts(global);
		const result = await restartServices(ports, project, input, {
			withDependents: flags.withDependents,
			settings: loaded ? stopSettingsOf(loaded.project) : undefined,
			timeoutMs,
			failFast: flags.failFast,
			signal,
			onEvent: event => {
				if (flags.json) stdout.write(`${JSON.stringify(event)}\n`);
				else if (event.type === 'stopping') stdout.write(`· ${event.container} stopping (level ${event.level + 1})\n`);
				else if (event.type === 'stopped' || event.type === 'removed') stdout.write(`✔ ${event.container} stopped\n`);
				else if ('step' in event && event.type !== 'pending') stdout.write(`${formatStepEvent(event)}\n`);
			},
		});
		if (result.failed) {
			if (!flags.json) stderr.write(`${formatFailure(result.failed.step.id, result.failed.failure)}\n`);
			throw new OperationFailedError(`restart failed at ${result.failed.step.id}: ${result.failed.failure.message}`);
		}
		return 0;
	},
});
