/**
 * `deckhand up [-f FILE]... [-p NAME] [--timeout DUR] [--json] [--fail-fast] [SERVICE...]`:
 * start a compose stack as a dependency plan. Live list on a TTY, plain lines otherwise,
 * `--json` one event per line. `--swarm` deploys the file as Swarm services instead.
 * Runs the operations table's `up`, as the console's u.
 */
import {loadCompose} from '../engine/compose/load.js';
import {engineParallelism} from '../engine/mode/engine-mode.js';
import type {OperationEvent} from '../engine/operations/index.js';
import {formatDuration} from '../engine/duration.js';
import {sanitizeText} from '../engine/text/sanitize.js';
import {operationFlags, parseTimeoutFlag} from './flags.js';
import {operate} from './operate.js';
import {defineCommand} from './types.js';

const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export default defineCommand({
	name: 'up',
	usage: 'deckhand up [-f FILE]... [-p NAME] [--profile P]... [--timeout DUR] [--json] [--fail-fast] [--swarm] [SERVICE...]',
	summary: 'Start a compose stack as fast as its dependency graph allows, gated on readiness',
	flags: operationFlags.up,
	async run(command) {
		const {input, flags, stdout, stderr} = command;
		// Every wait has a deadline: 5 minutes unless told otherwise.
		const timeoutMs = parseTimeoutFlag(flags.timeout) ?? 300_000;
		const loaded = loadCompose({files: flags.file, projectName: flags.projectName, profiles: flags.profile?.length ? flags.profile : undefined});
		for (const warning of loaded.warnings) stderr.write(`warning: ${warning.message}\n`);
		const live = !flags.json && stdout.isTTY === true ? liveList(stdout) : undefined;
		// Parallel engine calls from the detected mode: more on host/socket, fewer in DinD and remote.
		const result = await operate(command, 'up', {compose: loaded, services: input, timeoutMs, failFast: flags.failFast, swarm: flags.swarm}, {
			json: flags.json, parallelism: engineParallelism, onEvent: live?.update,
		}).finally(() => live?.stop());
		if (!flags.json) stdout.write(`${loaded.project.name}: ${result.summary}\n`);
		return 0;
	},
});

/** A redrawn list of step rows with spinners (TTY only), bounded to the plan's steps. */
function liveList(stdout: NodeJS.WriteStream) {
	const latest = new Map<string, OperationEvent>();
	let frame = 0;
	let drawn = 0;
	let lastAt = 0;
	let lastWall = performance.now();
	const draw = () => {
		const now = lastAt + (performance.now() - lastWall);
		const spinner = spinnerFrames[frame++ % spinnerFrames.length]!;
		const rows = [...latest.values()].map(event => {
			const running = event.type === 'starting' || event.type === 'waiting';
			const mark = running ? spinner : event.type === 'ready' ? '✔' : event.type === 'failed' ? '✘' : event.type === 'cancelled' ? '-' : '·';
			const took = event.stepElapsedMs !== undefined ? ` ${formatDuration(event.stepElapsedMs)}` : running ? ` ${formatDuration(Math.max(0, now - event.elapsedMs))}` : '';
			return sanitizeText(`${mark} ${(event.service ?? '').padEnd(16)} ${(event.step ?? '').split(':')[0]!.padEnd(9)} ${event.phase}${took}`);
		});
		stdout.write(`${drawn > 0 ? `\u001B[${drawn}A` : ''}${rows.map(row => `\u001B[2K${row}`).join('\n')}\n`);
		drawn = rows.length;
	};
	const timer = setInterval(draw, 80);
	return {
		update(event: OperationEvent) {
			if (event.kind !== 'step' || !event.step) return;
			latest.set(event.step, event);
			lastAt = event.elapsedMs;
			lastWall = performance.now();
		},
		stop() {
			clearInterval(timer);
			draw();
		},
	};
}
