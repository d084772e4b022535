/**
 * What a deploy or rollback acts on: SERVICE resolved to exactly one running container, its
 * target directory (`--path`, else label `deckhand.deploy.path`), reload action, readiness
 * timeout and the state directory. Everything here is checked before anything is touched.
 */
import type {TargetContainer} from '../containers/resolve.js';
import type {EnginePorts} from '../ports/index.js';
import {UsageError} from '../errors.js';
import {readServiceSettings} from '../labels.js';
import {reloadActionFor, resolveService, type ReloadAction, type ReloadOverrides} from '../reload/reload.js';
import {stateDirectory} from './state.js';
import {checkTargetPath} from './swap.js';

/** Options shared by deploy and rollback. */
export type DeployTargetOptions = ReloadOverrides & {
	/** Target directory in the container (overrides the label). */
	readonly path?: string;
	/** Used when neither `path` nor the label gives one (rollback: the last deploy's path). */
	readonly fallbackPath?: string;
	/** false: do not reload after the swap (readiness is still checked). */
	readonly reload?: boolean;
	readonly timeoutMs?: number;
	readonly env?: NodeJS.ProcessEnv;
	readonly signal?: AbortSignal;
	/** Monotonic clock in ms (durations and deadlines). */
	readonly now?: () => number;
};

/** A resolved deploy target. */
export type DeployTarget = {
	readonly container: TargetContainer;
	readonly labels: Readonly<Record<string, string>>;
	readonly target: string;
	readonly action?: ReloadAction;
	readonly timeoutMs: number;
	readonly state: string;
};

/** Resolves and checks SERVICE for a deploy or rollback; UsageError on anything missing. */
export async function resolveDeployTarget(ports: EnginePorts, service: string, options: DeployTargetOptions): Promise<DeployTarget> {
	const targets = await resolveService(ports, service);
	if (targets.containers.length !== 1) {
		const where = targets.unreachable.length > 0 ? ` (${targets.unreachable.length} more on other nodes)` : '';
		throw new UsageError(`${service} has ${targets.containers.length} containers on this engine${where}; deploy needs exactly one: name the container`);
	}
	const container = targets.containers[0]!;
	if (!(await ports.containers.inspect(container.id)).State.Running) throw new UsageError(`${container.name} is not running`);
	const labels = {...targets.serviceLabels, ...container.labels};
	const settings = readServiceSettings(labels);
	const path = options.path ?? settings.deploy.path ?? options.fallbackPath;
	if (!path) throw new UsageError(`no target directory for ${container.name}: pass --path DIR or set the label deckhand.deploy.path`);
	return {
		container,
		labels,
		target: checkTargetPath(path),
		action: options.reload === false ? undefined : reloadActionFor(labels, options),
		timeoutMs: options.timeoutMs ?? settings.ready.timeoutMs ?? 120_000,
		state: stateDirectory(options.env),
	};
}
