/**
 * The console's actions: the engine's operations table over the console's ports, with the
 * app's abort signal and the --read-only flag. Every run gets its own controller linked to the
 * source's signal (which the app's links to), so quitting or switching context aborts it and
 * `cancelOperations` can name what it cancelled. Modules load on first use.
 */
import type {EnginePorts} from '../../engine/ports/index.js';
import type {ConsoleActions} from '../view/types.js';

/** How the console's operations run. */
export type EngineActionOptions = {
	/** The source's signal (linked to the app's): aborting it cancels every run. */
	readonly signal: AbortSignal;
	readonly readOnly?: boolean;
	readonly mode?: string;
};

/** The operations as console actions, and a way to cancel those in flight. */
export function engineActions(ports: EnginePorts, options: EngineActionOptions): {actions: ConsoleActions; cancelOperations: () => string[]} {
	const inFlight = new Map<AbortController, string>();
	const actions: ConsoleActions = {
		async operate(id, input, onEvent) {
			const {operations, runOperation} = await import('../../engine/operations/index.js');
			const operation = operations[id];
			const controller = new AbortController();
			const stop = () => controller.abort(options.signal.reason);
			if (options.signal.aborted) stop();
			options.signal.addEventListener('abort', stop, {once: true});
			inFlight.set(controller, `${operation.words.noun} of ${operation.describe(input as never)} cancelled`);
			try {
				return await runOperation({ports, readOnly: options.readOnly, mode: options.mode}, operation as never, input as never, {signal: controller.signal, onEvent});
			} finally {
				inFlight.delete(controller);
				options.signal.removeEventListener('abort', stop);
			}
		},
		async dependents(project, service) {
			const {restartDependents} = await import('../../engine/operations/compose.js');
			return restartDependents({ports}, project, [service]);
		},
		async deployPath(containerId) {
			const {labelledDeployPath} = await import('../../engine/operations/container-paths.js');
			return labelledDeployPath(ports, containerId);
		},
		async directories(containerId, prefix) {
			const {containerDirectories} = await import('../../engine/operations/container-paths.js');
			return containerDirectories(ports, containerId, prefix, options.signal);
		},
	};
	return {
		actions,
		cancelOperations() {
			const cancelled = [...inFlight.values()];
			for (const controller of inFlight.keys()) controller.abort(new Error('cancelled'));
			return cancelled;
		},
	};
}
