/**
 * The console's reload, deploy, rollback and scale actions: thin adapters onto the engine
 * functions the `reload`, `deploy`, `rollback` and `scale` subcommands call, each module
 * loaded on first use so the console starts without them. Containers are named by id, which
 * the engine resolves like a container name (deploy history is kept by container name).
 */
import type {EnginePorts} from '../../engine/ports/index.js';
import type {ConsoleActions} from '../view/types.js';

/** How long a scale from the console waits for the new replicas to be ready. */
const scaleTimeoutMs = 120_000;

/** The engine-backed actions over the engine's ports. */
export function engineActions(ports: EnginePorts): Pick<ConsoleActions, 'reload' | 'deploy' | 'rollback' | 'scale'> {
	return {
		async reload(containerId, signal) {
			const {reloadService, describeReloadAction} = await import('../../engine/reload/reload.js');
			const result = await reloadService(ports, containerId, {signal});
			return result.reloaded.map(entry => `${describeReloadAction(entry.action)}, ready after ${(entry.notReadyMs / 1000).toFixed(2)}s`).join('; ');
		},
		async deploy(containerId, tarball, signal) {
			const {deployTarball} = await import('../../engine/deploy/deploy.js');
			await deployTarball(ports, containerId, tarball, {signal});
		},
		async rollback(containerId, signal) {
			const {rollbackService} = await import('../../engine/deploy/rollback.js');
			await rollbackService(ports, containerId, {signal});
		},
		async scale(stack, service, replicas, signal) {
			const {scaleService} = await import('../../engine/swarm/update.js');
			await scaleService(ports, service, replicas, {signal, stack, timeoutMs: scaleTimeoutMs});
		},
	};
}
