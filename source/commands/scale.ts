/**
 * `deckhand scale SERVICE=N... [-p PROJECT|STACK] [--timeout DUR] [--no-wait]`: sets replica
 * counts and waits until that many are running (and healthy): Swarm services as always,
 * compose services through the compose scaler. Runs the operations table's `scale`, as the
 * console's +/-. Exit 0 ready, 1 not ready in time (each failure on stderr), 2 bad input or an
 * unknown service.
 */
import type {ScaleFailedError} from '../engine/operations/app.js';
import {parseScaleArgs} from '../engine/swarm/scale-args.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {operate} from './operate.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'scale',
	usage: 'deckhand scale SERVICE=REPLICAS... [-p PROJECT] [--timeout DUR] [--no-wait]',
	summary: 'Scale Swarm or compose services and wait until the new replica count is ready',
	flags: operationFlags.scale,
	async run(command) {
		const {input, flags, stdout, stderr} = command;
		const requests = parseScaleArgs(input);
		const timeoutMs = parseTimeoutFlag(flags.timeout) ?? 300_000;
		try {
			await operate(command, 'scale', {requests, project: flags.projectName, timeoutMs, wait: flags.wait}, flags.json ? {json: true} : {
				onEvent: event => event.kind === 'step' && event.type === 'ready' && stdout.write(`✔ ${sanitizeText(event.service ?? '')} ${sanitizeText(event.phase)}${event.stepElapsedMs === undefined ? '' : ` in ${(event.stepElapsedMs / 1000).toFixed(1)}s`}\n`),
			});
		} catch (error) {
			for (const failure of (error as Partial<ScaleFailedError>).errors ?? []) stderr.write(`✘ ${sanitizeText(failure.message)}\n`);
			throw error;
		}
		return 0;
	},
});
