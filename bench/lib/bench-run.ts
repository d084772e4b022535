/**
 * What every bench on the private engine starts from: the engine's DOCKER_HOST, a client for
 * it, and this run's id with the container name prefix and label it creates under (removed
 * by that label at the end).
 */
import Docker from 'dockerode';

/** This run's engine, client, id, container name prefix (`dhtest-bench-ID`) and label value (`bench-ID`). */
export function benchRun(env: NodeJS.ProcessEnv = process.env) {
	const host = env.DOCKER_HOST ?? 'unix:///tmp/deckhand-engine/docker.sock';
	const run = Math.random().toString(16).slice(2, 8);
	return {host, run, prefix: `dhtest-bench-${run}`, label: `bench-${run}`, docker: new Docker({socketPath: host.replace(/^unix:\/\//, '')})};
}

/** Resolves after `ms`. */
export const sleep = async (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));
