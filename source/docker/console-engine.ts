/**
 * The Docker reads and writes the console needs, as plain data (the only console code that
 * touches dockerode). Bootstrap layer: the engine's live model (source/engine/model) is
 * meant to replace the list/event parts; inspect, top, stats samples, log following and
 * container lifecycle stay here as small capability functions.
 */
import type Docker from 'dockerode';
import {PassThrough} from 'node:stream';

/** One container from the list endpoint. */
export type ContainerFacts = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly state: string;
	/** The health in the list's Status text: `(healthy)`, `(health: starting)`, `(unhealthy)`. */
	readonly health: 'starting' | 'healthy' | 'unhealthy' | 'none';
	readonly labels: Readonly<Record<string, string>>;
};

/** Engine facts for the header. */
export type EngineFacts = {readonly version: string; readonly swarm: string};

/** A named resource (image, volume, network). */
export type ResourceFacts = {readonly id: string; readonly name: string; readonly detail: string};

/** Health from the list endpoint's Status text. */
export function healthFromStatus(status: string): ContainerFacts['health'] {
	if (status.includes('(healthy)')) return 'healthy';
	if (status.includes('(unhealthy)')) return 'unhealthy';
	if (status.includes('health: starting')) return 'starting';
	return 'none';
}

/** Answers when the engine is reachable within `timeoutMs`, else rejects. */
export async function pingEngine(docker: Docker, timeoutMs = 3000): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			docker.ping(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
			}),
		]);
	} finally {
		if (timer) clearTimeout(timer);
	}
}

/** Version and swarm state. */
export async function readEngineFacts(docker: Docker): Promise<EngineFacts> {
	const [version, info] = await Promise.all([docker.version(), docker.info()]);
	return {version: version.Version, swarm: String(info?.Swarm?.LocalNodeState ?? 'inactive')};
}

/** Every container, running or not. */
export async function listContainerFacts(docker: Docker): Promise<ContainerFacts[]> {
	const list = await docker.listContainers({all: true});
	return list.map(entry => ({
		id: entry.Id,
		name: (entry.Names[0] ?? entry.Id.slice(0, 12)).replace(/^\//, ''),
		image: entry.Image,
		state: entry.State,
		health: healthFromStatus(entry.Status),
		labels: entry.Labels ?? {},
	}));
}

/** Images, volumes and networks, as short rows. */
export async function listResources(docker: Docker): Promise<{images: ResourceFacts[]; volumes: ResourceFacts[]; networks: ResourceFacts[]}> {
	const [images, volumes, networks] = await Promise.all([docker.listImages(), docker.listVolumes(), docker.listNetworks()]);
	return {
		images: images.map(image => ({id: image.Id, name: image.RepoTags?.[0] ?? image.Id.slice(7, 19), detail: `${(image.Size / 1024 / 1024).toFixed(1)}M`})),
		volumes: (volumes.Volumes ?? []).map(volume => ({id: volume.Name, name: volume.Name, detail: volume.Driver})),
		networks: networks.map(network => ({id: network.Id, name: network.Name, detail: network.Driver})),
	};
}

/** One Docker event, reduced to what the console shows. */
export type EngineEvent = {readonly type: string; readonly action: string; readonly id: string; readonly name: string; readonly time: number};

/** Streams engine events until `signal` aborts or the stream ends (then resolves). */
export async function followEvents(docker: Docker, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
	const stream = (await docker.getEvents({})) as NodeJS.ReadableStream & {destroy?: () => void};
	// Aborted while the request was on its way: an abort listener added now would never fire.
	if (signal.aborted) {
		stream.destroy?.();
		return;
	}
	await new Promise<void>(resolve => {
		let rest = '';
		const stop = () => {
			stream.destroy?.();
			resolve();
		};
		signal.addEventListener('abort', stop, {once: true});
		stream.on('data', (chunk: Buffer) => {
			rest += chunk.toString('utf8');
			const lines = rest.split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) {
				if (!line.trim()) continue;
				try {
					const raw = JSON.parse(line) as {Type?: string; Action?: string; Actor?: {ID?: string; Attributes?: Record<string, string>}; time?: number};
					onEvent({type: raw.Type ?? '', action: raw.Action ?? '', id: raw.Actor?.ID ?? '', name: raw.Actor?.Attributes?.name ?? '', time: (raw.time ?? 0) * 1000});
				} catch {
					// A malformed line is skipped; the next one is independent.
				}
			}
		});
		stream.on('end', stop);
		stream.on('close', stop);
		stream.on('error', stop);
	});
}

/** The raw inspect result of a container. */
export const inspectContainer = (docker: Docker, id: string): Promise<Docker.ContainerInspectInfo> => docker.getContainer(id).inspect();

/** `ps` inside a container. */
export async function topContainer(docker: Docker, id: string): Promise<{titles: string[]; processes: string[][]}> {
	const result = (await docker.getContainer(id).top()) as {Titles?: string[]; Processes?: string[][]};
	return {titles: result.Titles ?? [], processes: result.Processes ?? []};
}

/** One raw stats sample (no waiting for a second sample: deltas are computed by the caller). */
export async function statsSample(docker: Docker, id: string): Promise<{cpuTotal: number; systemTotal: number; onlineCpus: number; memoryBytes: number; memoryLimit: number; netRx: number; netTx: number; blockRead: number; blockWrite: number}> {
	const stats = (await docker.getContainer(id).stats({stream: false, 'one-shot': true})) as any;
	const networks = Object.values(stats.networks ?? {}) as Array<{rx_bytes: number; tx_bytes: number}>;
	const io = (stats.blkio_stats?.io_service_bytes_recursive ?? []) as Array<{op: string; value: number}>;
	const sum = (op: string) => io.filter(entry => entry.op.toLowerCase() === op).reduce((total, entry) => total + entry.value, 0);
	const cache = stats.memory_stats?.stats?.total_inactive_file ?? stats.memory_stats?.stats?.inactive_file ?? 0;
	return {
		cpuTotal: stats.cpu_stats?.cpu_usage?.total_usage ?? 0,
		systemTotal: stats.cpu_stats?.system_cpu_usage ?? 0,
		onlineCpus: stats.cpu_stats?.online_cpus ?? stats.cpu_stats?.cpu_usage?.percpu_usage?.length ?? 1,
		memoryBytes: Math.max(0, (stats.memory_stats?.usage ?? 0) - cache),
		memoryLimit: stats.memory_stats?.limit ?? 0,
		netRx: networks.reduce((total, network) => total + network.rx_bytes, 0),
		netTx: networks.reduce((total, network) => total + network.tx_bytes, 0),
		blockRead: sum('read'),
		blockWrite: sum('write'),
	};
}

/** Follows a container's output (a bounded tail first), one callback per line, until `signal` aborts. */
export async function followContainerLogs(
	docker: Docker,
	id: string,
	onLine: (line: {stream: 'stdout' | 'stderr'; text: string; time?: string}) => void,
	signal: AbortSignal,
	tail = 200,
): Promise<void> {
	const container = docker.getContainer(id);
	const info = await container.inspect();
	if (signal.aborted) return;
	const stream = (await container.logs({follow: true, stdout: true, stderr: true, tail, timestamps: true})) as unknown as NodeJS.ReadableStream & {destroy?: () => void};
	if (signal.aborted) {
		stream.destroy?.();
		return;
	}
	const split = (name: 'stdout' | 'stderr') => {
		let rest = '';
		const output = new PassThrough();
		output.on('data', (chunk: Buffer) => {
			rest += chunk.toString('utf8');
			const lines = rest.split('\n');
			rest = lines.pop() ?? '';
			// Bound a line that never ends, so a binary stream cannot grow memory.
			if (rest.length > 64 * 1024) rest = rest.slice(-64 * 1024);
			for (const line of lines) {
				const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) (.*)$/s.exec(line);
				onLine(match ? {stream: name, text: match[2]!, time: match[1]} : {stream: name, text: line});
			}
		});
		return output;
	};
	const stdout = split('stdout');
	const stderr = split('stderr');
	if (info.Config.Tty) stream.pipe(stdout);
	else docker.modem.demuxStream(stream, stdout, stderr);
	await new Promise<void>(resolve => {
		const stop = () => {
			stream.destroy?.();
			resolve();
		};
		signal.addEventListener('abort', stop, {once: true});
		stream.on('end', stop);
		stream.on('error', stop);
	});
}

/** Runs one lifecycle call on a container: start, stop (graceful, `timeoutSeconds`) or restart. */
export async function containerLifecycle(docker: Docker, id: string, action: 'start' | 'stop' | 'restart', timeoutSeconds = 10): Promise<void> {
	const container = docker.getContainer(id);
	try {
		if (action === 'start') await container.start();
		else if (action === 'stop') await container.stop({t: timeoutSeconds});
		else await container.restart({t: timeoutSeconds});
	} catch (error) {
		// 304: already started/stopped; the wanted state holds, which is what the caller asked for.
		if ((error as {statusCode?: number}).statusCode === 304) return;
		throw error;
	}
}
