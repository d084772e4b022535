/** The system port over dockerode: version, info, and images, networks and volumes. */
import type Docker from 'dockerode';
import type {EngineInfo, EngineVersion, SystemPort} from '../engine/ports/index.js';

/** The system port for one client. */
export function systemAdapter(docker: Docker): SystemPort {
	const modem = docker.modem as unknown as {dial(options: object, callback: (error: unknown) => void): void};
	return {
		// The request's own deadline (deadlines.ts) tears it down, so a wedged engine leaves nothing pending.
		ping: async deadlineMs =>
			new Promise<void>((resolve, reject) => {
				modem.dial({path: '/_ping', method: 'GET', deadlineMs, statusCodes: {200: true, 500: 'server error'}}, error => (error ? reject(error as Error) : resolve()));
			}),
		version: async () => (await docker.version()) as unknown as EngineVersion,
		info: async () => (await docker.info()) as EngineInfo,
		images: async () => docker.listImages(),
		async resources() {
			const [images, volumes, networks] = await Promise.all([docker.listImages(), docker.listVolumes(), docker.listNetworks()]);
			return {
				images: images.map(image => ({id: image.Id, name: image.RepoTags?.[0] ?? image.Id.slice(7, 19), detail: `${(image.Size / 1024 / 1024).toFixed(1)}M`})),
				volumes: (volumes.Volumes ?? []).map(volume => ({id: volume.Name, name: volume.Name, detail: volume.Driver})),
				networks: networks.map(network => ({id: network.Id, name: network.Name, detail: network.Driver})),
			};
		},
		async ensureNetwork(name, options) {
			const existing = await docker.listNetworks({filters: JSON.stringify({name: [name]})});
			if (existing.some(network => network.Name === name)) return;
			await docker.createNetwork({Name: name, Driver: options.driver ?? 'bridge', Labels: {...options.labels}, CheckDuplicate: true, ...(options.attachable ? {Attachable: true} : {})});
		},
		async ensureVolume(name, options) {
			await docker.createVolume({Name: name, Driver: options.driver ?? 'local', Labels: {...options.labels}});
		},
		async removeLabelled(label, options) {
			const filters = JSON.stringify({label: [label]});
			const removed: string[] = [];
			for (const network of await docker.listNetworks({filters})) {
				await docker.getNetwork(network.Id).remove().then(() => removed.push(network.Name), () => undefined);
			}
			if (options.volumes) {
				for (const volume of (await docker.listVolumes({filters})).Volumes ?? []) {
					await docker.getVolume(volume.Name).remove().then(() => removed.push(volume.Name), () => undefined);
				}
			}
			return removed;
		},
	};
}
