/**
 * The containers port over dockerode: list, inspect, create and the lifecycle calls, made
 * idempotent here once (304 "already so" and 404 on remove are success), plus raw output
 * and `top`.
 */
import type Docker from 'dockerode';
import type {ContainerInspectJson, ContainersPort, ListedContainerJson} from '../engine/ports/index.js';

const statusOf = (error: unknown) => (error as {statusCode?: number} | undefined)?.statusCode;

/** Swallows one HTTP status (the wanted state already holds); rethrows the rest. */
const unless = (code: number) => (error: unknown) => {
	if (statusOf(error) !== code) throw error;
};

/** `SIGTERM`, `TERM` and `term` name one signal. */
const signalName = (signal: string) => signal.toUpperCase().replace(/^SIG/, '');

/** Resolves when the container exits or `ms` passed, whichever comes first. */
async function exitWithin(container: Docker.Container, ms: number): Promise<void> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), ms);
	try {
		await (container.wait({abortSignal: controller.signal} as never) as unknown as Promise<unknown>).catch(() => undefined);
	} finally {
		clearTimeout(timer);
	}
}

/** The containers port for one client. */
export function containersAdapter(docker: Docker): ContainersPort {
	return {
		async list(filter = {}) {
			const filters: Record<string, string[]> = {};
			if (filter.labels && filter.labels.length > 0) filters.label = [...filter.labels];
			if (filter.status && filter.status.length > 0) filters.status = [...filter.status];
			const options = {all: filter.all ?? true, ...(Object.keys(filters).length > 0 ? {filters: JSON.stringify(filters)} : {}), ...(filter.signal ? {abortSignal: filter.signal} : {})};
			return (await docker.listContainers(options as never)) as unknown as ListedContainerJson[];
		},
		inspect: async (id, options = {}) => (await docker.getContainer(id).inspect(options.signal ? ({abortSignal: options.signal} as never) : undefined)) as unknown as ContainerInspectJson,
		create: async spec => (await docker.createContainer(spec as Docker.ContainerCreateOptions)).id,
		start: async id => docker.getContainer(id).start().then(() => undefined, unless(304)),
		async stop(id, options = {}) {
			const container = docker.getContainer(id);
			if (options.signal) {
				const info = (await container.inspect().then(result => result as unknown as ContainerInspectJson, () => undefined));
				if (info?.State.Running && signalName(options.signal) !== signalName(info.Config.StopSignal || 'SIGTERM')) {
					// The engine stops with the container's own StopSignal and cannot be told another before
					// API 1.42: send the wanted one, allow the grace period, then stop (which kills).
					await container.kill({signal: options.signal}).catch(unless(409));
					await exitWithin(container, (options.timeoutSeconds ?? info.Config.StopTimeout ?? 10) * 1000);
					await container.stop({t: 0}).then(() => undefined, unless(304));
					return;
				}
			}
			await container.stop(options.timeoutSeconds === undefined ? {} : {t: options.timeoutSeconds}).then(() => undefined, unless(304));
		},
		restart: async (id, options = {}) => docker.getContainer(id).restart(options.timeoutSeconds === undefined ? {} : {t: options.timeoutSeconds}).then(() => undefined, unless(304)),
		kill: async (id, signal) => docker.getContainer(id).kill({signal}).then(() => undefined),
		remove: async (id, options = {}) => docker.getContainer(id).remove({force: true, v: options.volumes ?? false}).then(() => undefined, unless(404)),
		async wait(id, signal) {
			const result = (await docker.getContainer(id).wait(signal ? ({abortSignal: signal} as never) : undefined)) as {StatusCode: number};
			return result.StatusCode;
		},
		async logs(id, options) {
			const container = docker.getContainer(id);
			const info = await container.inspect();
			const since = options.sinceEpochMs && options.sinceEpochMs > 0 ? (options.sinceEpochMs / 1000).toFixed(3) : undefined;
			const raw = (await container.logs({stdout: true, stderr: true, follow: false, ...(options.tail === undefined ? {} : {tail: options.tail}), ...(since ? {since: since as unknown as number} : {})})) as unknown;
			return {tty: info.Config?.Tty === true, data: Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))};
		},
		async top(id) {
			const result = (await docker.getContainer(id).top()) as {Titles?: string[]; Processes?: string[][]};
			return {titles: result.Titles ?? [], processes: result.Processes ?? []};
		},
	};
}
