/**
 * Following one container's logs, across restarts: when the stream ends, wait for the
 * container to run again and resume from the last timestamp seen, skipping lines already
 * delivered. The Docker calls are injected (`logCapabilities` builds them from the engine's ports).
 */
import {waitUntilRunning} from '../containers/wait-running.js';
import type {EnginePorts, LogStreamRequest, LogsPort} from '../ports/index.js';
import {backoffDelay} from '../wait/backoff.js';
import {sleep} from '../wait/clock.js';
import {createLogDecoder, type LogLine} from './decode.js';
import {sinceArgument, timestampNanos} from './timestamps.js';

export type {LogStreamRequest} from '../ports/index.js';

/** The Docker side of following logs. */
export type LogCapabilities = {
	/** Opens a log stream with timestamps on; `tty` says whether it is raw or multiplexed. */
	open: LogsPort['open'];
	/** Resolves 'running' once the container runs (at once if it does), 'gone' if it was removed. */
	waitUntilRunning(id: string, signal: AbortSignal): Promise<'running' | 'gone'>;
	/** Waits `ms` or until `signal` aborts. */
	sleep?(ms: number, signal: AbortSignal): Promise<void>;
	now?(): number;
};

/** What to follow and where lines go. */
export type FollowOptions = {
	readonly follow: boolean;
	/** Only lines at or after this instant (ms since the epoch). */
	readonly sinceMs?: number;
	readonly tail?: number;
	readonly signal: AbortSignal;
	/** Called once per decoded chunk with its complete lines. */
	readonly onLines: (lines: LogLine[]) => void;
};

/** The one clock's sleep, ending early (not failing) when `signal` aborts: the loop then sees the abort. */
const defaultSleep = async (ms: number, signal: AbortSignal) => sleep(ms, signal).catch(() => undefined);

/** Backoff before re-checking a container whose stream ended at once: the one backoff, 250 ms doubling to 5 s. */
export const resumeBackoffMs = (attempt: number): number => backoffDelay(attempt, 0.5, {startMs: 250, capMs: 5000, jitter: 0});

/** The real log capabilities over the engine's ports. */
export function logCapabilities(ports: Pick<EnginePorts, 'logs' | 'containers' | 'events'>): LogCapabilities {
	return {open: async (id, request) => ports.logs.open(id, request), waitUntilRunning: async (id, signal) => waitUntilRunning(ports, id, signal)};
}

/**
 * Reads (and with `follow`, keeps following) one container's logs until `signal` aborts,
 * the stream ends without `follow`, or the container is removed.
 */
export async function followLogs(capabilities: LogCapabilities, id: string, options: FollowOptions): Promise<void> {
	const {signal, onLines} = options;
	const sleep = capabilities.sleep ?? defaultSleep;
	const now = capabilities.now ?? Date.now;
	/** The newest timestamp delivered and how many lines carried exactly it. */
	let lastNanos: bigint | undefined;
	let seenAtLast = 0;
	let since = options.sinceMs === undefined ? undefined : sinceArgument(BigInt(Math.floor(options.sinceMs)) * 1_000_000n);
	let tail = options.tail;
	let quietAttempts = 0;

	while (!signal.aborted) {
		const openedAt = now();
		let delivered = 0;
		let skipAtLast = seenAtLast;
		try {
			const {tty, chunks} = await capabilities.open(id, {since, tail, follow: options.follow, signal});
			const decoder = createLogDecoder(tty);
			const deliver = (lines: LogLine[]) => {
				const fresh = lines.filter(line => {
					const nanos = timestampNanos(line.timestamp);
					if (nanos === undefined || lastNanos === undefined || nanos > lastNanos) {
						if (nanos !== undefined) {
							lastNanos = nanos;
							seenAtLast = 1;
							skipAtLast = 0;
						}
						return true;
					}
					if (nanos < lastNanos) return false;
					// Same instant as the last line delivered: Docker's `since` is inclusive, so skip the ones already sent.
					if (skipAtLast > 0) {
						skipAtLast--;
						return false;
					}
					seenAtLast++;
					return true;
				});
				if (fresh.length > 0) {
					delivered += fresh.length;
					onLines(fresh);
				}
			};
			for await (const chunk of chunks) deliver(decoder.push(chunk));
			deliver(decoder.flush());
		} catch (error) {
			if (signal.aborted || isGone(error)) return;
			// A daemon restart drops the connection: with follow, resume like after a container restart.
			if (!options.follow || !isTransient(error)) throw error;
		}
		if (!options.follow || signal.aborted) return;
		// Resume where we were: from the last line's instant, or from when this stream opened.
		since = sinceArgument(lastNanos ?? BigInt(openedAt) * 1_000_000n);
		tail = undefined;
		if (lastNanos === undefined) seenAtLast = 0;
		quietAttempts = delivered > 0 || now() - openedAt > 5000 ? 0 : quietAttempts + 1;
		if (quietAttempts > 0) await sleep(resumeBackoffMs(quietAttempts - 1), signal);
		if (signal.aborted) return;
		const state = await capabilities.waitUntilRunning(id, signal).catch(error => {
			if (signal.aborted || isGone(error)) return 'gone' as const;
			if (isTransient(error)) return 'retry' as const;
			throw error;
		});
		if (state === 'gone') return;
	}
}

/** A connection-level failure or a daemon 5xx: worth retrying while following. */
export function isTransient(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const {code, statusCode, message} = error as {code?: string; statusCode?: number; message?: string};
	if (statusCode !== undefined) return statusCode >= 500;
	return ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE'].includes(code ?? '') || /socket hang up|aborted/i.test(message ?? '');
}

/** A 404 from Docker: the container was removed. */
function isGone(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {statusCode?: number}).statusCode === 404;
}
