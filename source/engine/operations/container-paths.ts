/**
 * What the console's deploy prompt needs from a container: the target directory its labels
 * give (if any), and directories inside it for tab completion, listed through the exec port.
 */
import type {EnginePorts} from '../ports/index.js';
import {readServiceSettings} from '../labels.js';

/** The `deckhand.deploy.path` label of a container, or undefined. */
export async function labelledDeployPath(ports: Pick<EnginePorts, 'containers'>, containerId: string): Promise<string | undefined> {
	const info = await ports.containers.inspect(containerId);
	return readServiceSettings(info.Config.Labels ?? {}).deploy.path;
}

/** Directories in the container whose path starts with `prefix` (`/ap` → `/app/`, `/apt/`); empty when none or no shell. */
export async function containerDirectories(ports: Pick<EnginePorts, 'exec'>, containerId: string, prefix: string, signal?: AbortSignal): Promise<string[]> {
	// The glob needs a shell; the prefix is passed as $1, never spliced into the script.
	const result = await ports.exec.run(containerId, ['sh', '-c', 'ls -d -- "$1"*/ 2>/dev/null', 'sh', prefix], {signal, maxOutputBytes: 64 * 1024}).catch(() => undefined);
	if (!result || result.exitCode !== 0) return [];
	return result.stdout.split('\n').filter(line => line.startsWith(prefix) && line.endsWith('/')).slice(0, 500);
}
