/**
 * `deckhand rollback SERVICE [--path DIR] [--no-reload] [--method M] [--timeout DUR] [--json]`:
 * restore the newest backup deploy took, the same way a deploy installs (staging, swap, reload,
 * fresh readiness; the current tree put back if that fails, exit 1). No backup: exit 2.
 */
import {connectPorts} from './connect.js';
import {formatDeployRecord, reportFailure, stepPrinter} from '../engine/deploy/format.js';
import {rollbackService} from '../engine/deploy/rollback.js';
import {parseDuration} from '../engine/duration.js';
import {UsageError} from '../engine/errors.js';
import type {ReloadMethod} from '../engine/labels.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'rollback',
	usage: 'deckhand rollback SERVICE [--path DIR] [--no-reload] [--method signal|touch|exec|restart] [--timeout DUR] [--json]',
	summary: 'Restore the newest backup of a service\'s app directory, reload and verify',
	flags: {
		path: {type: 'string'},
		reload: {type: 'boolean', default: true},
		method: {type: 'string'},
		timeout: {type: 'string'},
		json: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		if (input.length !== 1) throw new UsageError('rollback needs exactly one SERVICE');
		const timeoutMs = flags.timeout === undefined ? undefined : parseDuration(flags.timeout);
		if (flags.timeout !== undefined && timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}" (use e.g. 30s, 2m)`);
		const {ports} = await connectPorts(global);
		try {
			const record = await rollbackService(ports, input[0]!, {
				path: flags.path,
				reload: flags.reload,
				method: flags.method as ReloadMethod | undefined,
				timeoutMs,
				signal,
				onStep: flags.json ? undefined : stepPrinter(stdout),
			});
			stdout.write(flags.json ? `${JSON.stringify(record)}\n` : `${formatDeployRecord(record)}\n`);
			return 0;
		} catch (error) {
			reportFailure(error, stderr);
			throw error;
		}
	},
});
