/**
 * `deckhand stop|start NAME... [-p NAME | -f FILE]`: with -p or -f, NAMEs are services of that
 * compose project (every container of each); without, container names or ids. Runs the
 * operations table's `stop` / `start`, as the console's s / S.
 */
import {UsageError} from '../engine/errors.js';
import {operationFlags} from './flags.js';
import {composeTarget, operate} from './operate.js';
import {defineCommand, type Command} from './types.js';

/** The stop or start command. */
export function lifecycleCommand(action: 'stop' | 'start'): Command<typeof operationFlags.stop> {
	return defineCommand({
		name: action,
		usage: `deckhand ${action} NAME... [-p PROJECT | -f FILE]... [--json]`,
		summary: `${action === 'stop' ? 'Stop' : 'Start'} compose services (with -p/-f) or containers`,
		flags: operationFlags[action],
		async run(command) {
			const {input, flags} = command;
			if (input.length === 0) throw new UsageError(`${action} needs at least one NAME`);
			const composed = Boolean(flags.projectName || flags.file?.length);
			const project = composed ? composeTarget(flags).project : undefined;
			const result = await operate(command, action, project ? {project, services: input} : {containers: input}, {json: flags.json});
			if (!flags.json) command.stdout.write(`${result.summary}\n`);
			return 0;
		},
	});
}
