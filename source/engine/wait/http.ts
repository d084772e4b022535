/** HTTP probe: GET 127.0.0.1:port/path answers with a status in range (default 200-399). */
import {pollUntilReady, stoppedContainer} from './poll.js';
import type {WaitStrategy} from './types.js';

/** Ready when the status is within `[low, high]`; the port maps like the tcp probe's. */
export function httpWait(port: number, path = '/', status: readonly [number, number] = [200, 399]): WaitStrategy {
	const [low, high] = status;
	const probe = `http:${port}${path}`;
	return {
		probe,
		async waitUntilReady(target, context) {
			return pollUntilReady(target, probe, context, async signal => {
				const state = await context.probes.inspect(target.id);
				const stopped = stoppedContainer(state);
				if (stopped) return stopped;
				const result = await context.probes.httpGet(state.publishedPorts[port] ?? port, path, signal);
				if (result.status === undefined) return {ok: false, output: result.output};
				const inRange = result.status >= low && result.status <= high;
				return {ok: inRange, output: inRange ? result.output : `${result.output} (want ${low}-${high})`};
			});
		},
	};
}
