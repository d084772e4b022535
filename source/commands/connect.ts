/**
 * The commands' composition root: connect to the engine the global flags name and build the
 * engine's ports over that client, once per command.
 */
import {connectEngine, type ConnectOptions, type EngineConnection} from '../docker/client.js';
import {dockerPorts} from '../docker/ports.js';
import type {EnginePorts} from '../engine/ports/index.js';

/** A reachable engine and its ports. */
export type ConnectedEngine = {readonly connection: EngineConnection; readonly ports: EnginePorts};

/** Connects (UsageError/EngineUnreachableError as connectEngine) and builds the ports. */
export async function connectPorts(options: ConnectOptions): Promise<ConnectedEngine> {
	const connection = await connectEngine(options);
	return {connection, ports: dockerPorts(connection.docker, connection.endpoint)};
}
