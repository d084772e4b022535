/**
 * A console source for component tests: a mutable view, recorded actions, scripted logs.
 */
import type {ConsoleSource, ConsoleView, ContainerDetails, LogLine, StatsSample} from '../../source/ui/view/types.js';

/** A fake source with the knobs tests need. */
export type FakeSource = ConsoleSource & {
	view: ConsoleView;
	/** Replaces the view and notifies subscribers. */
	update(view: Partial<ConsoleView>): void;
	/** Pushes log lines to every follower. */
	log(lines: readonly LogLine[]): void;
	readonly calls: string[];
	readonly watched: string[][];
};

/** A view with a demo project (api healthy, db starting, worker exited) and one standalone container. */
export function demoView(): ConsoleView {
	const container = (id: string, name: string, service: string | undefined, state = 'running', health: 'healthy' | 'starting' | 'none' | 'unhealthy' = 'none') => ({
		id, name, image: 'deckhand-test/busybox:1', state, health, project: service ? 'demo' : undefined, service, cpuPercent: 1.5, memoryBytes: 12 * 1024 * 1024,
	});
	return {
		engine: {description: 'unix:///tmp/docker.sock', context: 'default', mode: 'host', version: '20.10.24', swarm: 'active'},
		connection: {state: 'connected'},
		services: [
			{project: 'demo', name: 'api', containerIds: ['aaa111'], running: 1, desired: 1, health: 'healthy', state: 'running', cpuPercent: 12.5, memoryBytes: 45 * 1024 * 1024},
			{project: 'demo', name: 'db', containerIds: ['bbb222'], running: 1, desired: 1, health: 'starting', state: 'running'},
			{project: 'demo', name: 'worker', containerIds: ['ccc333'], running: 0, desired: 1, health: 'none', state: 'exited'},
		],
		containers: [
			container('aaa111', 'demo-api-1', 'api', 'running', 'healthy'),
			container('bbb222', 'demo-db-1', 'db', 'running', 'starting'),
			container('ccc333', 'demo-worker-1', 'worker', 'exited'),
			container('ddd444', 'lonely', undefined),
		],
		images: [{id: 'sha256:1', name: 'deckhand-test/busybox:1', detail: '1.2M'}],
		volumes: [{id: 'data', name: 'data', detail: 'local'}],
		networks: [{id: 'n1', name: 'host', detail: 'host'}],
		events: ['container start demo-api-1'],
	};
}

/** Details returned by the fake `inspect`. */
export const demoDetails = (id: string): ContainerDetails => ({
	id, name: `/${id}`, image: 'deckhand-test/busybox:1', command: ['sleep', '3600'],
	env: ['PATH=/bin', 'DB_PASSWORD=hunter2', 'API_TOKEN=abc'], labels: {'com.docker.compose.project': 'demo'},
	restartPolicy: 'no', networkMode: 'none', mounts: [], ports: [], healthcheck: 'CMD-SHELL test -f /tmp/ok',
	health: [{start: '2026-01-01T00:00:00Z', exitCode: 1, output: 'not ready'}, {start: '2026-01-01T00:00:05Z', exitCode: 0, output: 'ok'}],
	state: 'running', startedAt: '2026-01-01T00:00:00Z',
});

/** Makes a fake source around `view` (default: the demo view). */
export function fakeSource(view: ConsoleView = demoView(), options: {actions?: boolean; deployPath?: string} = {}): FakeSource {
	const listeners = new Set<() => void>();
	const followers = new Set<(lines: readonly LogLine[]) => void>();
	const calls: string[] = [];
	const watched: string[][] = [];
	const record = (name: string) => async (id: string) => {
		calls.push(`${name} ${id}`);
	};
	const stats: StatsSample[] = [1, 2, 3, 4].map(index => ({time: index * 1000, cpuPercent: index * 10, memoryBytes: index * 1024 * 1024, memoryLimit: 64 * 1024 * 1024, netRxBytes: index * 2048, netTxBytes: index * 1024}));
	const source: FakeSource = {
		view,
		calls,
		watched,
		snapshot: () => source.view,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		update(partial) {
			source.view = {...source.view, ...partial};
			for (const listener of listeners) listener();
		},
		log(lines) {
			for (const follower of followers) follower(lines);
		},
		followLogs(id, onLines, signal) {
			calls.push(`logs ${id}`);
			followers.add(onLines);
			signal.addEventListener('abort', () => followers.delete(onLines));
		},
		statsHistory: () => stats,
		watchStats: ids => void watched.push([...ids]),
		inspect: async id => demoDetails(id),
		top: async () => ({titles: ['PID', 'USER', 'TIME', 'COMMAND'], processes: [['1', 'root', '0:00', 'sleep 3600']]}),
		actions: options.actions === false ? {} : {
			// Records each operation as `verb target` (the engine's table is tested against the real engine).
			async operate(id, raw, onEvent) {
				const input = raw as {project?: string; services?: string[]; containers?: string[]; service?: string; tarball?: string; path?: string; requests?: {service: string; replicas: number}[]; name?: string};
				const targets = input.services ? input.services.map(service => `${input.project}/${service}`) : input.containers ?? [];
				const step = (phase: string) => onEvent({operation: id, target: '', kind: 'step', phase, elapsedMs: 1, service: input.services?.[0]});
				switch (id) {
					case 'restart': case 'stop': case 'start':
						for (const target of targets) calls.push(`${id} ${target}`);
						step(id === 'restart' ? 'healthy' : `${id}ped`);
						return {summary: ''};
					case 'restart-with-dependents':
						for (const target of targets) calls.push(`restart-dependents ${target}`);
						return {summary: ''};
					case 'up':
						calls.push(`up ${input.project}`);
						return {summary: ''};
					case 'reload':
						calls.push(`reload ${input.service}`);
						return {summary: 'signal SIGHUP, ready after 0.10s'};
					case 'deploy':
						calls.push(`deploy ${input.service} ${input.tarball}${input.path ? ` ${input.path}` : ''}`);
						return {summary: ''};
					case 'rollback':
						calls.push(`rollback ${input.service}`);
						return {summary: ''};
					case 'scale':
						for (const request of input.requests ?? []) calls.push(`scale ${(input as {project?: string}).project ?? '-'} ${request.service} ${request.replicas}`);
						return {summary: ''};
					case 'exec-target':
						return {summary: '', data: {id: input.name}};
					default:
						throw new Error(`unknown operation ${id}`);
				}
			},
			dependents: async (project, service) => (service === 'db' ? ['api'] : []),
			deployPath: async () => options.deployPath,
			directories: async (_id, prefix) => ['/app/', '/apt/', '/srv/'].filter(entry => entry.startsWith(prefix)),
		},
		close: () => calls.push('close'),
	};
	return source;
}
