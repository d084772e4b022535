/**
 * `deckhand doctor [-f FILE]... [--dockerfile PATH]... [--containers [--label K=V]...] [--json] [--severity LEVEL]`:
 * review compose files and Dockerfiles (discovered in the current directory by default), or
 * the running containers, for the practices operators learn the hard way. Exit 0 when nothing
 * is at or above the severity (default warning), 1 when something is, 2 for invalid input.
 * The `--json` shape is documented in source/engine/doctor/report.ts.
 */
import {connectPorts} from './connect.js';
import {inspectRunningContainers} from '../engine/doctor/live.js';
import {containerSubject, lintContainers} from '../engine/doctor/container-rules.js';
import {lintProject} from '../engine/doctor/project.js';
import {atOrAbove, doctorJson, formatFindings, relativeTo} from '../engine/doctor/report.js';
import {isSeverity, severities, type Finding} from '../engine/doctor/types.js';
import {ExitCode, UsageError} from '../engine/errors.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'doctor',
	usage: 'deckhand doctor [-f FILE]... [--dockerfile PATH]... [--containers [--label KEY=VALUE]...] [--json] [--severity info|warning|error]',
	summary: 'Lint compose files, Dockerfiles or running containers for healthchecks, limits, root users, secrets and more',
	flags: {
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		dockerfile: {type: 'string', isMultiple: true},
		containers: {type: 'boolean', default: false},
		label: {type: 'string', isMultiple: true},
		json: {type: 'boolean', default: false},
		severity: {type: 'string', default: 'warning'},
	},
	async run({flags, global, stdout}) {
		const threshold = flags.severity ?? 'warning';
		if (!isSeverity(threshold)) throw new UsageError(`invalid --severity "${threshold}" (use ${severities.join(', ')})`);
		const cwd = process.cwd();
		const files = flags.file ?? [];
		const dockerfiles = flags.dockerfile ?? [];
		if ((flags.label?.length ?? 0) > 0 && !flags.containers) throw new UsageError('--label only applies with --containers');

		const findings: Finding[] = [];
		const checked: string[] = [];
		// --containers alone reviews the engine; files are reviewed when named or when not asked for containers.
		if (!flags.containers || files.length > 0 || dockerfiles.length > 0) {
			const result = lintProject({cwd, composeFiles: files, dockerfiles});
			findings.push(...result.findings.map(item => ({...item, file: relativeTo(cwd, item.file)})));
			checked.push(...result.files.map(file => relativeTo(cwd, file)));
		}
		if (flags.containers) {
			const {ports} = await connectPorts(global);
			const inspects = await inspectRunningContainers(ports, flags.label ?? []);
			findings.push(...lintContainers(inspects));
			checked.push(...inspects.map(containerSubject).sort());
		}

		const shown = atOrAbove(findings, threshold);
		if (flags.json) stdout.write(`${JSON.stringify(doctorJson(shown, checked, threshold), null, 2)}\n`);
		else stdout.write(`${formatFindings(shown, checked, threshold).join('\n')}\n`);
		return shown.length > 0 ? ExitCode.failed : ExitCode.ok;
	},
});
