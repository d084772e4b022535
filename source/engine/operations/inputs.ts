/** The typed inputs of the operations (table.ts), shared by the CLI commands and the console. */
import type {StopSettings} from '../actions/compose/stop.js';
import type {LoadedCompose} from '../compose/types.js';
import type {TarLimits} from '../deploy/tar-rules.js';
import type {ReloadMethod} from '../labels.js';

/** restart: services of a compose project (through the readiness plan), or containers by id/name. */
export type RestartInput = {
	readonly project?: string;
	readonly services?: readonly string[];
	readonly containers?: readonly string[];
	readonly settings?: StopSettings;
	readonly timeoutMs?: number;
	readonly failFast?: boolean;
};

/** stop / start: services of a compose project, or containers by id/name. */
export type LifecycleInput = {readonly project?: string; readonly services?: readonly string[]; readonly containers?: readonly string[]};

/** up: a loaded compose file (or a project whose containers name their files), optionally some of its services, or as Swarm services. */
export type UpInput = {readonly compose?: Pick<LoadedCompose, 'project' | 'locate'>; readonly project?: string; readonly services?: readonly string[]; readonly timeoutMs?: number; readonly failFast?: boolean; readonly swarm?: boolean};

/** down: a project by name; its compose file's stop settings when there is one. */
export type DownInput = {readonly project: string; readonly volumes?: boolean; readonly settings?: StopSettings};

/** reload: one SERVICE (container, compose service or Swarm service). */
export type ReloadInput = {readonly service: string; readonly method?: ReloadMethod; readonly killSignal?: string; readonly timeoutMs?: number};

/** deploy: a tarball into SERVICE's one container. */
export type DeployInput = {
	readonly service: string;
	readonly tarball: string;
	readonly path?: string;
	readonly reload?: boolean;
	readonly keep?: number;
	readonly method?: ReloadMethod;
	readonly limits?: TarLimits;
	readonly timeoutMs?: number;
};

/** rollback: SERVICE's newest backup. */
export type RollbackInput = {readonly service: string; readonly path?: string; readonly reload?: boolean; readonly method?: ReloadMethod; readonly timeoutMs?: number};

/** One replica count to set: a compose service when `project` names its project, else a Swarm service (`stack` namespace). */
export type ScaleRequest = {readonly service: string; readonly replicas: number};

/** scale: several services at once. `project`: compose project (or Swarm stack). `kind` forces compose or swarm. */
export type ScaleInput = {
	readonly requests: readonly ScaleRequest[];
	readonly project?: string;
	readonly kind?: 'compose' | 'swarm';
	readonly timeoutMs?: number;
	readonly wait?: boolean;
};

/** exec-target: the one running container NAME means (container, compose service, Swarm task here). */
export type ExecTargetInput = {readonly name: string};
