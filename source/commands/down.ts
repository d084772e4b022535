/**
 * `deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]`: stop and remove a project's
 * containers in reverse dependency order, then its networks (volumes only with --volumes).
 */
import {connectEngine} from '../docker/client.js';
import {downProject} from '../engine/actions/compose/down.js';
import {loadCompose, normaliseProjectName} from '../engine/compose/load.js';
import {projectNameProblem} from '../engine/compose/service-rules.js';
import {UsageError} from '../engine/errors.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'down',
	usage: 'deckhand down [-f FILE]... [-p NAME] [--volumes] [--json]',
	summary: 'Stop and remove a compose stack, dependents first',
	flags: {
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		projectName: {type: 'string', shortFlag: 'p'},
		volumes: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
	},
	async run({flags, global, stdout, signal}) {
		// With -p and no -f the file is not needed: the containers' labels carry the graph.
		// An invalid -p is refused, not normalised into some other project's name.
		const problem = flags.projectName === undefined ? undefined : projectNameProblem(flags.projectName);
		if (problem) throw new UsageError(`-p: ${problem}`);
		const project = flags.projectName && !flags.file?.length ? normaliseProjectName(flags.projectName) : loadCompose({files: flags.file, projectName: flags.projectName}).project.name;
		const {docker} = await connectEngine(global);
		const result = await downProject(docker, project, {
			volumes: flags.volumes,
			signal,
			onEvent: event => stdout.write(flags.json ? `${JSON.stringify(event)}\n` : `${event.type === 'removed' ? '✔ removed' : '· stopping'} ${event.container}\n`),
		});
		if (!flags.json) stdout.write(`${project}: ${result.services.length} services removed${result.resources.length > 0 ? `, ${result.resources.join(', ')}` : ''}\n`);
		return 0;
	},
});
