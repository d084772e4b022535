/** Log probe: a line of the container's output since its start matches a regular expression. */
import {pollUntilReady, stoppedContainer} from './poll.js';
import type {WaitStrategy} from './types.js';

/** Ready when `pattern` matches a line the container printed since it (last) started. */
export function logWait(pattern: string | RegExp): WaitStrategy {
	const regex = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
	const probe = `log:${regex.source}`;
	return {
		probe,
		async waitUntilReady(target, context) {
			return pollUntilReady(target, probe, context, async () => {
				const state = await context.probes.inspect(target.id);
				const output = await context.probes.logs(target.id, state.startedAt);
				const lines = output.split('\n');
				if (lines.some(line => regex.test(line))) return {ok: true, output: ''};
				const last = lines.filter(line => line.trim() !== '').slice(-3).join('\n') || '(no output yet)';
				const stopped = stoppedContainer(state);
				return stopped ? {ok: false, output: last, final: stopped.final} : {ok: false, output: last};
			});
		},
	};
}
