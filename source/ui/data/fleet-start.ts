/**
 * Starting the console on several engines: every endpoint is resolved first (a bad host or
 * unknown context is bad input, exit 2, before the screen changes), all are pinged at once,
 * and the console starts as soon as one answers; the others keep trying in their own live
 * models and show as unreachable meanwhile. None answering is exit 3, naming each.
 */
import {createConnection, pingWithin, pinApiVersion, type EngineConnection} from '../../docker/client.js';
import {EngineUnreachableError, UsageError} from '../../engine/errors.js';
import {detectEngineMode} from '../../engine/mode/engine-mode.js';
import type {ConsoleSource} from '../view/types.js';
import {consoleEngine} from './console-engine.js';
import {createFleetSource} from './fleet-source.js';
import {createLiveSource, type LiveSourceOptions} from './live-source.js';

/** One engine to watch: the name the console shows and its host URL or docker context. */
export type EngineSpec = {readonly name: string; readonly host?: string; readonly context?: string};

/** How the fleet starts (injected in tests). */
export type FleetStartOptions = {
	readonly env?: NodeJS.ProcessEnv;
	/** The app's signal (quitting aborts every engine's operations). */
	readonly signal?: AbortSignal;
	readonly readOnly?: boolean;
	/** Tunables handed to every engine's live source. */
	readonly live?: Omit<LiveSourceOptions, 'signal' | 'readOnly' | 'context' | 'mode'>;
};

/** The first ping's deadline: an ssh engine's first answer includes a handshake and a login. */
const pingDeadline = (connection: EngineConnection) => (connection.endpoint.kind === 'ssh' ? 10_000 : 3000);

/** Resolves, pings and starts one live source per engine, merged; see the file comment. */
export async function startFleetSource(specs: readonly EngineSpec[], options: FleetStartOptions = {}): Promise<ConsoleSource & {readonly engineHosts: Readonly<Record<string, string>>}> {
	const env = options.env ?? process.env;
	const twice = specs.find((spec, index) => specs.findIndex(other => other.name === spec.name) !== index);
	if (twice) throw new UsageError(`engine ${twice.name} is given twice`);
	const connections = specs.map(spec => createConnection({host: spec.host, context: spec.context, env}));
	// Each answer pins that engine's API version; the first answer starts the console.
	const pings = connections.map(async connection => pinApiVersion(connection.docker, await pingWithin(connection.docker, pingDeadline(connection))));
	try {
		await Promise.any(pings);
	} catch (error) {
		const reasons = (error as AggregateError).errors.map((reason: unknown, index) => `${specs[index]!.name}: ${(reason as Error).message}`);
		throw new EngineUnreachableError(`no engine reachable: ${reasons.join('; ')}`, reasons);
	}
	for (const ping of pings) ping.catch(() => undefined);
	const members = connections.map((connection, index) => {
		const engine = consoleEngine(connection);
		const spec = specs[index]!;
		// The mode (it reads /proc) follows the first frame instead of delaying it.
		const mode = detectEngineMode(engine.ports).then(detected => detected.mode, () => 'unknown');
		return {name: spec.name, source: createLiveSource(engine, {...options.live, mode, context: spec.context, signal: options.signal, readOnly: options.readOnly})};
	});
	// Each engine's resolved URL by name: the chart view (a child process) connects to one of them.
	const engineHosts = Object.fromEntries(connections.map((connection, index) => [specs[index]!.name, connection.host]));
	return Object.assign(createFleetSource(members), {engineHosts});
}
