/**
 * `deckhand restart SERVICE... [--with-dependents] [-p NAME | -f FILE]`: restart and wait ready;
 * with dependents, stop them first and bring them back in dependency order, each gated.
 * Runs the operations table's `restart` / `restart-with-dependents`, as the console's r / R.
 */
import {stopSettingsOf} from '../engine/actions/compose/stop.js';
import {UsageError} from '../engine/errors.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {composeTarget, operate} from './operate.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'restart',
	usage: 'deckhand restart SERVICE... [--with-dependents] [-f FILE]... [-p NAME] [--timeout DUR] [--json]',
	summary: 'Restart services and wait until ready; optionally their dependents too, in order',
	flags: operationFlags.restart,
	async run(command) {
		const {input, flags} = command;
		if (input.length === 0) throw new UsageError('restart needs at least one SERVICE');
		// Every wait has a deadline: 5 minutes unless told otherwise.
		const timeoutMs = parseTimeoutFlag(flags.timeout) ?? 300_000;
		const {project, loaded} = composeTarget(flags);
		const result = await operate(command, flags.withDependents ? 'restart-with-dependents' : 'restart', {
			project, services: input, settings: loaded ? stopSettingsOf(loaded.project) : undefined, timeoutMs, failFast: flags.failFast,
		}, {json: flags.json});
		if (!flags.json) command.stdout.write(`restarted ${input.join(', ')}: ${result.summary}\n`);
		return 0;
	},
});
