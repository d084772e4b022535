/**
 * `deckhand up [-f FILE]... [-p NAME] [--timeout DUR] [--json] [--fail-fast] [SERVICE...]`:
 * start a compose stack as a dependency plan. Live list on a TTY, plain lines otherwise,
 * `--json` one event per line. `--swarm` deploys the file as Swarm services instead.
 */
import {connectPorts} from './connect.js';
import {engineParallelism} from '../engine/mode/engine-mode.js';
import {loadCompose} from '../engine/compose/load.js';
import {upProject} from '../engine/actions/compose/up.js';
import {parseDuration} from '../engine/duration.js';
import {OperationFailedError, UsageError} from '../engine/errors.js';
import type {StepEvent} from '../engine/plan/execute.js';
import {formatFailure, formatStepEvent, liveRows} from '../engine/plan/progress.js';
import {defineCommand} from './types.js';

const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];


export default defineCommand({
	name: 'up',
	usage: 'deckhand up [-f FILE]... [-p NAME] [--profile P]... [--timeout DUR] [--json] [--fail-fast] [--swarm] [SERVICE...]',
	summary: 'Start a compose stack as fast as its dependency graph allows, gated on readiness',
	flags: {
		file: {type: 'string', shortFlag: 'f', isMultiple: true},
		projectName: {type: 'string', shortFlag: 'p'},
		profile: {type: 'string', isMultiple: true},
		timeout: {type: 'string'},
		json: {type: 'boolean', default: false},
		failFast: {type: 'boolean', default: false},
		swarm: {type: 'boolean', default: false},
	},
	async run({input, flags, global, stdout, stderr, signal}) {
		// Every wait has a deadline: 5 minutes unless told otherwise.
		const timeoutMs = flags.timeout === undefined ? 300_000 : parseDuration(flags.timeout);
		if (flags.timeout !== undefined && timeoutMs === undefined) throw new UsageError(`invalid --timeout "${flags.timeout}" (use e.g. 90s, 2m)`);
		const loaded = loadCompose({files: flags.file, projectName: flags.projectName, profiles: flags.profile?.length ? flags.profile : undefined});
		for (const warning of loaded.warnings) stderr.write(`warning: ${warning.message}\n`);
		const {ports} = await connectPorts(global);
		// Parallel engine calls from the detected mode: more on host/socket, fewer in DinD and remote.
		const concurrency = await engineParallelism(ports);
		if (flags.swarm) {
			// Loaded lazily: plain `up` never pays for the Swarm module. Failures throw (exit 1) with step, probe and last output.
			const {deploySwarmStack} = await import('../engine/swarm/index.js');
			const onSwarmEvent = (event: StepEvent) => {
				if (flags.json) stdout.write(`${JSON.stringify(event)}\n`);
				else if (event.type !== 'pending') stdout.write(`${formatStepEvent(event)}\n`);
			};
			const deployed = await deploySwarmStack(ports, loaded, {services: input, signal, timeoutMs, onEvent: onSwarmEvent, concurrency});
			if (!flags.json) stdout.write(`${loaded.project.name}: ${deployed.plan.services.length} Swarm services ready in ${(deployed.elapsedMs / 1000).toFixed(1)}s\n`);
			return 0;
		}
		const live = !flags.json && stdout.isTTY === true ? liveList(stdout) : undefined;
		const onEvent = (event: StepEvent) => {
			if (flags.json) stdout.write(`${JSON.stringify(event)}\n`);
			else if (live) live.update(event);
			else if (event.type !== 'pending') stdout.write(`${formatStepEvent(event)}\n`);
		};
		const result = await upProject(ports, loaded, {services: input, signal, onEvent, timeoutMs, failFast: flags.failFast, concurrency}).finally(() => live?.stop());
		if (result.failed) {
			if (!flags.json) stderr.write(`${formatFailure(result.failed.step.id, result.failed.failure)}\n`);
			throw new OperationFailedError(`up ${loaded.project.name} failed at ${result.failed.step.id}: ${result.failed.failure.message}`);
		}
		if (!flags.json) stdout.write(`${loaded.project.name}: ${result.plan.services.length} services ready in ${(result.elapsedMs / 1000).toFixed(1)}s\n`);
		return 0;
	},
});

/** A redrawn list of step rows with spinners (TTY only), bounded to the plan's steps. */
function liveList(stdout: NodeJS.WriteStream) {
	const latest = new Map<string, StepEvent>();
	const order: string[] = [];
	let frame = 0;
	let drawn = 0;
	let lastAt = 0;
	let lastWall = performance.now();
	const draw = () => {
		const now = lastAt + (performance.now() - lastWall);
		const rows = liveRows(order, latest, spinnerFrames[frame++ % spinnerFrames.length]!, now);
		stdout.write(`${drawn > 0 ? `\u001B[${drawn}A` : ''}${rows.map(row => `\u001B[2K${row}`).join('\n')}\n`);
		drawn = rows.length;
	};
	const timer = setInterval(draw, 80);
	return {
		update(event: StepEvent) {
			if (!latest.has(event.step)) order.push(event.step);
			latest.set(event.step, event);
			lastAt = event.at;
			lastWall = performance.now();
		},
		stop() {
			clearInterval(timer);
			draw();
		},
	};
}
