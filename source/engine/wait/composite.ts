/** All-of composite: several probes run together under one overall deadline; the first failure stops the rest. */
import type {WaitStrategy} from './types.js';

/** Ready when every strategy is (at the latest of their ready times); fails with the first one that fails. */
export function allOf(strategies: readonly WaitStrategy[]): WaitStrategy {
	return {
		probe: strategies.map(strategy => strategy.probe).join(' + '),
		async waitUntilReady(target, context) {
			const local = new AbortController();
			const onAbort = () => local.abort(context.signal.reason);
			context.signal.addEventListener('abort', onAbort, {once: true});
			try {
				const readyTimes = await Promise.all(
					strategies.map(async strategy =>
						strategy.waitUntilReady(target, {...context, signal: local.signal}).catch((error: unknown) => {
							// The first real failure wins; the others only report the abort it caused.
							if (!local.signal.aborted) local.abort(error);
							throw local.signal.reason;
						}),
					),
				);
				return Math.max(...readyTimes);
			} finally {
				context.signal.removeEventListener('abort', onAbort);
				local.abort();
			}
		},
	};
}
