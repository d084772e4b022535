/** Exec probe: a command inside the container exits 0 (`deckhand.ready.exec`). */
import {pollUntilReady, stoppedContainer} from './poll.js';
import type {WaitStrategy} from './types.js';

/** Ready when `sh -c command` exits 0 in the container; retried with backoff. */
export function execWait(command: string): WaitStrategy {
	const probe = `exec:${command}`;
	return {
		probe,
		async waitUntilReady(target, context) {
			return pollUntilReady(target, probe, context, async signal => {
				// Docker refuses an exec in a stopped container: that is an answer too, not a crash.
				const result = await context.probes.exec(target.id, ['sh', '-c', command], signal).catch((error: unknown) => {
					signal.throwIfAborted();
					return {ok: false, output: error instanceof Error ? error.message : String(error)};
				});
				if (result.ok) return result;
				const state = await context.probes.inspect(target.id).catch(() => undefined);
				const stopped = state && stoppedContainer(state);
				return stopped ? {...result, final: stopped.final} : result;
			});
		},
	};
}
