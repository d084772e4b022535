/**
 * `deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]`: stop and remove a project's
 * containers in reverse dependency order, every container of one level of the graph at once
 * (each with its stop_grace_period and stop_signal), then its networks (volumes only with --volumes).
 * Runs the operations table's `down`.
 */
import {stopSettingsOf} from '../engine/actions/compose/stop.js';
import {projectNameProblem} from '../engine/compose/service-rules.js';
import {UsageError} from '../engine/errors.js';
import {operationFlags} from './flags.js';
import {composeTarget, operate} from './operate.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'down',
	usage: 'deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]',
	summary: 'Stop and remove a compose stack, dependents first, each level at once',
	flags: operationFlags.down,
	async run(command) {
		const {flags} = command;
		// With -p and no -f the file is not needed: the containers' labels carry the graph, and
		// each container its own stop timeout and signal. An invalid -p is refused, not
		// normalised into some other project's name.
		const problem = flags.projectName === undefined ? undefined : projectNameProblem(flags.projectName);
		if (problem) throw new UsageError(`-p: ${problem}`);
		const {project, loaded} = composeTarget(flags);
		const result = await operate(command, 'down', {project, volumes: flags.volumes, settings: loaded ? stopSettingsOf(loaded.project) : undefined}, {json: flags.json});
		if (!flags.json) command.stdout.write(`${project}: ${result.summary}\n`);
		return 0;
	},
});
