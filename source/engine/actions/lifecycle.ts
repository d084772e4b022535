/**
 * Start, stop and restart of one container: the engine functions the console's `S`, `s`
 * and `r` keys call (and any subcommand may). Docker does the work; errors become
 * OperationFailedError with the container and the daemon's reason.
 */
import {OperationFailedError} from '../errors.js';
import type {EnginePorts} from '../ports/index.js';

type Ports = Pick<EnginePorts, 'containers'>;

/** What a lifecycle call may be told. */
export type LifecycleOptions = {
	readonly signal?: AbortSignal;
	/** Grace period before Docker kills on stop/restart; default 10 s. */
	readonly timeoutSeconds?: number;
};

async function run(ports: Ports, id: string, action: 'start' | 'stop' | 'restart', options: LifecycleOptions): Promise<void> {
	options.signal?.throwIfAborted();
	const timeoutSeconds = options.timeoutSeconds ?? 10;
	try {
		if (action === 'start') await ports.containers.start(id);
		else if (action === 'stop') await ports.containers.stop(id, {timeoutSeconds});
		else await ports.containers.restart(id, {timeoutSeconds});
	} catch (error) {
		const reason = (error as {json?: {message?: string}}).json?.message ?? (error as Error).message;
		const shown = /^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id;
		throw new OperationFailedError(`${action} ${shown} failed: ${reason}`);
	}
}

/** Starts a stopped container (already running is fine). */
export const startContainer = (ports: Ports, id: string, options: LifecycleOptions = {}): Promise<void> => run(ports, id, 'start', options);

/** Stops a container gracefully (already stopped is fine). */
export const stopContainer = (ports: Ports, id: string, options: LifecycleOptions = {}): Promise<void> => run(ports, id, 'stop', options);

/** Restarts one container (stop with grace period, then start). */
export const restartContainer = (ports: Ports, id: string, options: LifecycleOptions = {}): Promise<void> => run(ports, id, 'restart', options);
