/**
 * The probes' capabilities over the engine's ports: inspect (as the state probes judge),
 * the container's events, exec, output since a time, and loopback network probes.
 */
import {probeStateOf} from '../containers/inspect.js';
import {outputText} from '../logs/demux.js';
import type {EnginePorts} from '../ports/index.js';
import type {ProbeCapabilities} from './types.js';

/** The ports the probes use. */
export type ProbePorts = Pick<EnginePorts, 'containers' | 'events' | 'exec' | 'network'>;

/** Probe capabilities over `ports`. */
export function probesFrom(ports: ProbePorts): ProbeCapabilities {
	return {
		inspect: async id => probeStateOf(await ports.containers.inspect(id)),
		async watch(id, signal, onEvent, onEnd) {
			signal.throwIfAborted();
			await ports.events.watchContainer(id, ['health_status', 'start', 'die'], signal, event => onEvent({status: event.action, epochMs: event.time || undefined}), onEnd);
		},
		async exec(id, command, signal) {
			signal.throwIfAborted();
			const {exitCode, stdout, stderr} = await ports.exec.run(id, command, {signal});
			const output = `${stdout}${stderr}`.trim();
			return {ok: exitCode === 0, output: output === '' ? `exit code ${exitCode}` : `${output} (exit code ${exitCode})`};
		},
		connectTcp: async (port, signal) => ports.network.connectTcp(port, signal),
		httpGet: async (port, path, signal) => ports.network.httpGet(port, path, signal),
		logs: async (id, since) => outputText(await ports.containers.logs(id, {sinceEpochMs: since})),
	};
}
