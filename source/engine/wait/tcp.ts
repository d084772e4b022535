/** TCP probe: a connection to 127.0.0.1 on the container's (published) port succeeds. */
import {pollUntilReady, stoppedContainer} from './poll.js';
import type {WaitStrategy} from './types.js';

/**
 * Ready when 127.0.0.1:port accepts a connection. `port` is the container port: when it is
 * published, the host port it maps to is used; otherwise (host network) the port itself.
 */
export function tcpWait(port: number): WaitStrategy {
	const probe = `tcp:${port}`;
	return {
		probe,
		async waitUntilReady(target, context) {
			return pollUntilReady(target, probe, context, async signal => {
				const state = await context.probes.inspect(target.id);
				return stoppedContainer(state) ?? context.probes.connectTcp(state.publishedPorts[port] ?? port, signal);
			});
		},
	};
}
