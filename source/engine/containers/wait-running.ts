/**
 * Waiting for a stopped container to run again (log and stats followers resume on it):
 * subscribe to its start/destroy events first, inspect second, so a start in between is
 * not missed.
 */
import {isNotFound, type EnginePorts} from '../ports/index.js';

/** Resolves 'running' once the container runs (at once when it does), 'gone' when it is removed or `signal` aborts. */
export async function waitUntilRunning(ports: Pick<EnginePorts, 'containers' | 'events'>, id: string, signal: AbortSignal): Promise<'running' | 'gone'> {
	if (signal.aborted) return 'gone';
	const local = new AbortController();
	const stop = () => local.abort();
	signal.addEventListener('abort', stop, {once: true});
	try {
		return await new Promise<'running' | 'gone'>((resolve, reject) => {
			local.signal.addEventListener('abort', () => resolve('gone'), {once: true});
			ports.events
				.watchContainer(id, ['start', 'destroy'], local.signal, event => resolve(event.action === 'start' ? 'running' : 'gone'))
				.then(async () => ports.containers.inspect(id, {signal: local.signal}))
				.then(
					info => info.State.Running && resolve('running'),
					(error: unknown) => (isNotFound(error) ? resolve('gone') : local.signal.aborted ? resolve('gone') : reject(error)),
				);
		});
	} finally {
		signal.removeEventListener('abort', stop);
		local.abort();
	}
}
