/**
 * `deckhand deploy SERVICE TARBALL [--path DIR] [--no-reload] [--keep N] [--max-size SIZE]
 * [--method M] [--timeout DUR] [--json]`: validate, lock, back up, upload to staging, swap,
 * reload, wait for a fresh readiness check; restore by itself when that fails (exit 1).
 * A hostile or broken tarball is bad input (exit 2) and nothing is touched; a deploy already in
 * progress for the service makes this one refused (exit 1).
 */
import {parseSize} from '../engine/deploy/size.js';
import {defaultTarLimits} from '../engine/deploy/tar-rules.js';
import {UsageError} from '../engine/errors.js';
import type {ReloadMethod} from '../engine/labels.js';
import type {DeployRecord} from '../engine/deploy/history.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {operate} from './operate.js';
import {defineCommand} from './types.js';
import {reportFailure} from '../engine/deploy/format.js';

export default defineCommand({
	name: 'deploy',
	usage: 'deckhand deploy SERVICE TARBALL [--path DIR] [--no-reload] [--keep N] [--max-size SIZE] [--method signal|touch|exec|restart] [--timeout DUR] [--json]',
	summary: 'Deploy an app tarball into a running container: backup, atomic swap, reload, verify, roll back on failure',
	flags: operationFlags.deploy,
	async run(command) {
		const {input, flags, stdout, stderr} = command;
		if (input.length !== 2) throw new UsageError('deploy needs SERVICE and TARBALL');
		const timeoutMs = parseTimeoutFlag(flags.timeout);
		if (flags.keep !== undefined && (!Number.isInteger(flags.keep) || flags.keep < 1)) throw new UsageError(`--keep must be a whole number ≥ 1 (got ${flags.keep})`);
		const maxBytes = flags.maxSize === undefined ? defaultTarLimits.maxBytes : parseSize(flags.maxSize);
		if (maxBytes === undefined) throw new UsageError(`invalid --max-size "${flags.maxSize}" (use e.g. 200MiB)`);
		try {
			const {summary, data} = await operate(command, 'deploy', {
				service: input[0]!,
				tarball: input[1]!,
				path: flags.path,
				reload: flags.reload,
				keep: flags.keep,
				method: flags.method as ReloadMethod | undefined,
				limits: {...defaultTarLimits, maxBytes},
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
