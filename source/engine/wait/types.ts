/**
 * The waits library's one small interface (after testcontainers' wait strategies): a strategy
 * is data plus `waitUntilReady(target, context)`. Everything that touches Docker or the network
 * comes in through `context.probes` (built from the engine's ports in wait/probes.ts), and time through
 * `context.clock`, so every strategy runs against fakes in unit tests.
 */

/** Time, injected: `now()` is epoch ms; `sleep` rejects when the signal aborts. */
export type Clock = {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

/** Time with timers (throttles and loops that must not hold a promise per wait). */
export type Scheduler = {
	readonly now: () => number;
	readonly setTimer: (callback: () => void, ms: number) => unknown;
	readonly clearTimer: (handle: unknown) => void;
};

/** What a container looks like to a probe (the fields of an inspect readiness needs). */
export type ContainerState = {
	readonly running: boolean;
	/** Docker's state word: created, running, restarting, exited, paused, dead. */
	readonly status: string;
	readonly exitCode: number;
	/** Epoch ms the container last started (0 when never). */
	readonly startedAt: number;
	readonly health?: {
		readonly status: string;
		readonly failingStreak: number;
		/** The healthcheck's configured retries (Docker's default is 3). */
		readonly retries: number;
		readonly lastOutput?: string;
		/**
		 * Epoch ms the current healthy run began, from the health log: the end of the first
		 * passing check after the last failing one (Docker turns healthy on one pass). Undefined
		 * while the last check failed or none ran.
		 */
		readonly readySince?: number;
	};
	/**
	 * Its restart policy (always, unless-stopped) starts it again when the daemon starts: a
	 * daemon restart stops it like `docker stop` does, so its being stopped is not final.
	 */
	readonly restartsWithDaemon?: boolean;
	/** Container port → published host port (tcp). */
	readonly publishedPorts: Readonly<Record<number, number>>;
};

/** One event of a container, as the probes need it (`health_status: healthy`, `die`, `start`...). */
export type ContainerEvent = {readonly status: string; readonly epochMs?: number};

/** The result of one probe attempt against the network or an exec. */
export type AttemptResult = {readonly ok: boolean; readonly output: string};

/** The Docker-and-network capabilities the strategies use; each strategy needs only a few. */
export type ProbeCapabilities = {
	inspect(id: string): Promise<ContainerState>;
	/**
	 * Subscribes to the container's events; resolves once the subscription is live. `onEnd`
	 * is called once if the stream ends or fails before `signal` aborts (daemon restarted,
	 * connection dropped): events after that are lost until the caller subscribes again.
	 */
	watch(id: string, signal: AbortSignal, onEvent: (event: ContainerEvent) => void, onEnd?: (error?: Error) => void): Promise<void>;
	/** Runs a command inside the container; exit code 0 is ok. */
	exec(id: string, command: readonly string[], signal: AbortSignal): Promise<AttemptResult>;
	/** Connects to 127.0.0.1:port. */
	connectTcp(port: number, signal: AbortSignal): Promise<AttemptResult>;
	/** GETs http://127.0.0.1:port/path; `output` starts with the status code. */
	httpGet(port: number, path: string, signal: AbortSignal): Promise<AttemptResult & {readonly status?: number}>;
	/** The container's output (stdout+stderr) since `sinceEpochMs`. */
	logs(id: string, sinceEpochMs: number): Promise<string>;
};

/** What is waited on: a container (by id) and the name readers know it by. */
export type WaitTarget = {readonly id: string; readonly name: string};

/** Everything a wait is given besides its target. */
export type WaitContext = {
	readonly signal: AbortSignal;
	/** Absolute deadline, epoch ms on `clock.now()`'s scale. */
	readonly deadline: number;
	readonly clock: Clock;
	readonly probes: ProbeCapabilities;
	/** Treat `unhealthy` with retries exhausted as final before the deadline. */
	readonly failFast?: boolean;
	/** Upper bound of the backoff between attempts (ms; default 2000). */
	readonly backoffCapMs?: number;
	/** Randomness for jitter (default Math.random). */
	readonly random?: () => number;
};

/**
 * One readiness strategy. `probe` names it in progress lines and errors (`tcp:8080`).
 * `waitUntilReady` resolves with the time readiness was observed (epoch ms on the context
 * clock's scale): an event's time, or the evidence an inspect gives, never later than when
 * it resolves; a caller reports "ready in" from it, not from when the wait returned.
 */
export type WaitStrategy = {
	readonly probe: string;
	waitUntilReady(target: WaitTarget, context: WaitContext): Promise<number>;
};
