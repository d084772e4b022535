/**
 * `deckhand reload SERVICE [--method signal|touch|exec|restart] [--signal SIG] [--timeout DUR] [--json]`:
 * hot-reload a service in place and wait until a fresh readiness check passes; prints how long
 * it was not ready. Swarm services: every task on this node; tasks elsewhere are named.
 * Runs the operations table's `reload`, as the console's h.
 */
import {normaliseSignal, signalProblem} from '../engine/compose/signals.js';
import {UsageError} from '../engine/errors.js';
import type {ReloadMethod} from '../engine/labels.js';
import {describeReloadAction, type ServiceReload} from '../engine/reload/reload.js';
import {escapeJsonForTerminal, sanitizeName, sanitizeText} from '../engine/text/sanitize.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {operate} from './operate.js';
import {defineCommand} from './types.js';

export default defineCommand({
	name: 'reload',
	usage: 'deckhand reload SERVICE [--method signal|touch|exec|restart] [--signal SIG] [--timeout DUR] [--json]',
	summary: 'Reload a service without recreating its container, then wait until it is ready again',
	flags: operationFlags.reload,
	async run(command) {
		const {input, flags, stdout, stderr} = command;
		if (input.length !== 1) throw new UsageError('reload needs exactly one SERVICE');
		const timeoutMs = parseTimeoutFlag(flags.timeout);
		if (flags.signal !== undefined && normaliseSignal(flags.signal) === undefined) throw new UsageError(`--signal: ${signalProblem(flags.signal)}`);
		const {data} = await operate(command, 'reload', {
			service: input[0]!,
			method: flags.method as ReloadMethod | undefined,
			killSignal: flags.signal === undefined ? undefined : normaliseSignal(flags.signal),
			timeoutMs,
		}, {onEvent: event => flags.json || event.kind !== 'phase' || stdout.write(`· ${sanitizeText(event.phase)}\n`)});
		const result = data as ServiceReload;
		for (const task of result.unreachable) stderr.write(`warning: task ${task.taskId.slice(0, 12)} runs on node ${task.nodeId.slice(0, 12)}, not reachable from this engine; not reloaded\n`);
		if (flags.json) {
			stdout.write(`${escapeJsonForTerminal(JSON.stringify({
				service: result.service,
				kind: result.kind,
				reloaded: result.reloaded.map(r => ({container: r.container.name, id: r.container.id, method: r.action.method, action: describeReloadAction(r.action), notReadyMs: r.notReadyMs})),
				unreachable: result.unreachable,
			}))}\n`);
		} else {
			for (const r of result.reloaded) stdout.write(`✓ ${sanitizeName(r.container.name)}: ${sanitizeText(describeReloadAction(r.action))}, ready again after ${(r.notReadyMs / 1000).toFixed(2)}s not ready\n`);
		}
		return 0;
	},
});
