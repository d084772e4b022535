/** The logs port: one container's log stream, with timestamps, raw or multiplexed. */

/** What to read: Docker's `since` (`seconds[.nanos]`), `tail` count, follow or not. */
export type LogStreamRequest = {
	readonly since?: string;
	readonly tail?: number;
	readonly follow: boolean;
	readonly signal: AbortSignal;
};

/** Logs. */
export type LogsPort = {
	/** Opens a log stream with timestamps on; `tty` says whether it is raw or multiplexed. */
	open(id: string, request: LogStreamRequest): Promise<{tty: boolean; chunks: AsyncIterable<Buffer>}>;
};
