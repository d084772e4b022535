/**
 * `deckhand rollback SERVICE [--path DIR] [--no-reload] [--method M] [--timeout DUR] [--json]`:
 * restore the newest backup deploy took, the same way a deploy installs (staging, swap, reload,
 * fresh readiness; the current tree put back if that fails, exit 1). No backup: exit 2.
 */
import {reportFailure} from '../engine/deploy/format.js';
import {UsageError} from '../engine/errors.js';
import type {ReloadMethod} from '../engine/labels.js';
import type {DeployRecord} from '../engine/deploy/history.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {operate} from './operate.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'rollback',
	usage: 'deckhand rollback SERVICE [--path DIR] [--no-reload] [--method signal|touch|exec|restart] [--timeout DUR] [--json]',
	summary: 'Restore the newest backup of a service\'s app directory, reload and verify',
	flags: operationFlags.rollback,
	async run(command) {
		const {input, flags, stdout, stderr} = command;
		if (input.length !== 1) throw new UsageError('rollback needs exactly one SERVICE');
		const timeoutMs = parseTimeoutFlag(flags.timeout);
		try {
			const {summary, data} = await operate(command, 'rollback', {
				service: input[0]!,
				path: flags.path,
				reload: flags.reload,
				method: flags.method as ReloadMethod | undefined,
				timeoutMs,
			}, {onEvent: event => flags.json || event.kind !== 'step' || stdout.write(`· ${event.phase} ${sanitizeText(event.detail ?? '')}\n`)});
			stdout.write(flags.json ? `${JSON.stringify(data as DeployRecord)}\n` : `${summary}\n`);
			return 0;
		} catch (error) {
			reportFailure(error, stderr);
			throw error;
		}
	},
});
