/** The exec port: run a command inside a running container. */

/** What a command run in a container produced. */
export type ExecResult = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
};

/** Options of `ExecPort.run`. */
export type ExecOptions = {
	readonly signal?: AbortSignal;
	readonly user?: string;
	/** Output kept per stream; the rest is dropped (bounded memory). Default 64 KiB. */
	readonly maxOutputBytes?: number;
};

/** Exec. */
export type ExecPort = {
	/** Runs `cmd` (argv) and waits for it; rejects only when Docker refuses the exec. */
	run(id: string, cmd: readonly string[], options?: ExecOptions): Promise<ExecResult>;
	/** Starts `cmd` and returns at once (Docker runs it to the end on its own). */
	startDetached(id: string, cmd: readonly string[]): Promise<void>;
};
