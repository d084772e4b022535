/** The stats port over dockerode: a container's stats stream, and one reading. */
import type Docker from 'dockerode';
import type {DockerStatsJson} from '../engine/ports/wire.js';
import type {StatsPort} from '../engine/ports/index.js';

/** The stats port for one client. */
export function statsAdapter(docker: Docker): StatsPort {
	return {
		stream: async (id, signal) => (await docker.getContainer(id).stats({stream: true, abortSignal: signal} as never)) as unknown as AsyncIterable<Buffer>,
		async readOnce(id, signal) {
			try {
				const json = (await docker.getContainer(id).stats({stream: false, abortSignal: signal} as never)) as unknown as DockerStatsJson;
				// A stopped container answers with an empty document (`read` unset).
				return json.read && !json.read.startsWith('0001-') ? json : undefined;
			} catch {
				// Gone or stopped meanwhile: no figures for it.
				return undefined;
			}
		},
	};
}
