/**
 * `deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]`: stop and remove a project's
 * containers in reverse dependency order, every container of one level of the graph at once
 * (each with its stop_grace_period and stop_signal), then its networks (volumes only with --volumes).
 */
import {stopSettingsOf} from '../engine/actions/compose/stop.js';
import {downProject} from '../engine/actions/compose/down.js';
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import {connectPorts} from './connect.js';
import {projectNameProblem} from '../engine/compose/service-rules.js';
import {UsageError} from '../engine/errors.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'down',
	usage: 'deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]',
	summary: 'Stop and remove a compose stack, dependents first, each level at once',
	flags: {
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		projectName: {type: 'string', shortFlag: 'p'},
		volumes: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
	},
	async run({flags, global, stdout, signal}) {
		// With -p and no -f the file is not needed: the containers' labels carry the graph, and
		// each container its own stop timeout and signal. An invalid -p is refused, not
		// normalised into some other project's name.
		const problem = flags.projectName === undefined ? undefined : projectNameProblem(flags.projectName);
		if (problem) throw new UsageError(`-p: ${problem}`);
		const loaded = flags.projectName && !flags.file?.length ? undefined : loadCompose({files: flags.file, projectName: flags.projectName});
		const project = loaded?.project.name ?? normaliseProjectName(flags.projectName!);
		const {ports} = await connectPorts(global);
		const result = await downProject(ports, project, {
			volumes: flags.volumes,
			settings: loaded ? stopSettingsOf(loaded.project) : undefined,
			signal,
			onEvent(event) {
				if (flags.json) stdout.write(`${JSON.stringify(event)}\n`);
				else if (event.type !== 'stopped') stdout.write(`${event.type === 'removed' ? '✔ removed' : '· stopping'} ${event.container}\n`);
			},
		});
		if (!flags.json) stdout.write(`${project}: ${result.services.length} services removed${result.resources.length > 0 ? `, ${result.resources.join(', ')}` : ''}\n`);
		return 0;
	},
});
