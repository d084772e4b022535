/**
 * The shape every engine operation shares: an id, whether it changes the engine, and `run`
 * over a context of ports that reports one kind of progress event. `deckhand <command>` and
 * the console's key with the same id call the same `run` and render the same events.
 */
import type {EnginePorts} from '../ports/index.js';

/** What an operation runs against: the engine's ports and how the caller was started. */
export type OperationContext = {
	readonly ports: EnginePorts;
	/** Started with --read-only: every dangerous operation is refused (run.ts decides). */
	readonly readOnly?: boolean;
	/** Parallel engine calls the detected mode allows (up); default the engine's own choice. */
	readonly parallelism?: number;
	/** The detected engine mode (host, socket, dind, remote), when known. */
	readonly mode?: string;
};

/**
 * One progress event, the same for every operation: `phase` of the whole operation or of one
 * `step` (a plan step, a stop, a deploy step), the time since the operation began, the
 * dependents it takes along, and at the end its `result`.
 */
export type OperationEvent = {
	readonly operation: string;
	/** What it acts on, as people name it (`api`, `shop/api`, a container name). */
	readonly target: string;
	readonly kind: 'phase' | 'step' | 'result';
	/** Human words: `stopping`, `waiting for healthy`, `healthy`, `uploading`. */
	readonly phase: string;
	/** ms since the operation began. */
	readonly elapsedMs: number;
	/** The underlying event's type (plan: pending/starting/waiting/ready/failed; stop: stopping/stopped/removed). */
	readonly type?: string;
	/** Plan step id (`ready:api`), deploy step, or stop `stop:CONTAINER`. */
	readonly step?: string;
	readonly service?: string;
	readonly container?: string;
	/** Stop level in reverse dependency order (0 first). */
	readonly level?: number;
	/** ms the step took (when it finished). */
	readonly stepElapsedMs?: number;
	readonly detail?: string;
	/** Services restarted along because they depend on the target. */
	readonly dependents?: readonly string[];
	readonly result?: 'ok' | 'failed' | 'cancelled';
};

/** How a run is told to stop and where its events go. */
export type RunOptions = {
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: OperationEvent) => void;
};

/** What a step reporter inside an operation is given (the runner fills in operation, target and elapsed). */
export type Emit = (event: Omit<OperationEvent, 'operation' | 'target' | 'elapsedMs'>) => void;

/** What an operation returns: a one-line summary and its data (for --json). */
export type OperationResult<Data = unknown> = {readonly summary: string; readonly data?: Data};

/** One operation of the table. `Input` is its typed arguments. */
export type Operation<Input = any, Data = unknown> = {
	readonly id: OperationId;
	/** Changes the engine: refused under --read-only. */
	readonly dangerous: boolean;
	/** The CLI command that runs it (undefined: console only, see `consoleOnly`). */
	readonly command?: string;
	/** Why there is no CLI command, when there is none. */
	readonly consoleOnly?: string;
	/** Words for progress lines: `restart` → restarting / restarted / restart of. */
	readonly words: {readonly doing: string; readonly done: string; readonly noun: string};
	/** The name progress lines use for `input`. */
	describe(input: Input): string;
	run(context: OperationContext, input: Input, options: {signal: AbortSignal; emit: Emit}): Promise<OperationResult<Data>>;
};

/** Every operation id. */
export type OperationId =
	| 'restart' | 'restart-with-dependents' | 'stop' | 'start' | 'up' | 'down'
	| 'reload' | 'deploy' | 'rollback' | 'scale' | 'exec-target';
