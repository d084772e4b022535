/**
 * The console's composition root piece: the engine's ports over a connection's client, with
 * how it was reached, as the live source takes them.
 */
import type {EngineConnection} from '../../docker/client.js';
import {dockerPorts} from '../../docker/ports.js';
import type {ConsoleEngine} from './live-source.js';

/** Builds the ports for a connection once; the console's sources and actions share them. */
export function consoleEngine(connection: EngineConnection): ConsoleEngine {
	return {ports: dockerPorts(connection.docker, connection.endpoint), description: connection.description, host: connection.host};
}
