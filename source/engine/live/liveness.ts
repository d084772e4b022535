/**
 * Notices a silent engine. The events stream gives no liveness signal: a SIGSTOPped dockerd
 * (or one wedged inside) keeps the stream's connection open and simply says nothing. So
 * while the stream is quiet, the engine is pinged every `intervalMs` with a `deadlineMs`
 * deadline; an unanswered ping reports the engine silent (since that ping was sent), and
 * the first answer after that reports it back. Cheap: no ping while events arrive.
 */
import {sleepUntil, type Scheduler} from '../model/notify.js';

/** How often and how patiently a quiet engine is pinged. */
export type LivenessOptions = {
	/** Quiet time before a ping, and time between pings (default 5 s; DECKHAND_LIVENESS_INTERVAL_MS). */
	readonly intervalMs?: number;
	/** How long a ping may take before the engine counts as silent (default 3 s; DECKHAND_LIVENESS_DEADLINE_MS). */
	readonly deadlineMs?: number;
};

/** The defaults, with the environment's overrides (tests shrink them). */
export function livenessDefaults(env: NodeJS.ProcessEnv = process.env): Required<LivenessOptions> {
	const positive = (value: string | undefined, fallback: number) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
	return {intervalMs: positive(env.DECKHAND_LIVENESS_INTERVAL_MS, 5000), deadlineMs: positive(env.DECKHAND_LIVENESS_DEADLINE_MS, 3000)};
}

/** What the watcher needs from the live model. */
export type LivenessWatch = {
	readonly ping: (deadlineMs: number) => Promise<void>;
	/** When the engine was last heard from (an event or an answered ping). */
	readonly quietSince: () => number;
	/** Records an answer. */
	readonly heard: () => void;
	readonly scheduler: Scheduler;
	/** Ends the watch (the connection it watches is over). */
	readonly signal: AbortSignal;
	readonly options?: LivenessOptions;
	/** The engine did not answer; `since` is when the first unanswered ping was sent. */
	readonly onSilent: (since: number, error: string) => void;
	/** The engine answered again after being silent. */
	readonly onAnswer: () => void;
};

/** Pings `ping` with a deadline, rejecting at the deadline even when the request itself has none. */
async function pingWithin(ping: (deadlineMs: number) => Promise<void>, deadlineMs: number, scheduler: Scheduler): Promise<void> {
	let handle: unknown;
	try {
		await Promise.race([
			ping(deadlineMs),
			new Promise<never>((_, reject) => {
				handle = scheduler.setTimer(() => reject(new Error(`no reply within ${deadlineMs} ms`)), deadlineMs);
			}),
		]);
	} finally {
		scheduler.clearTimer(handle);
	}
}

/** Runs until `signal` aborts; see the file comment. */
export async function watchLiveness(watch: LivenessWatch): Promise<void> {
	const {intervalMs, deadlineMs} = {...livenessDefaults(), ...watch.options};
	const {scheduler, signal} = watch;
	const sleep = async (ms: number) => sleepUntil(scheduler, ms, signal);
	let silentSince: number | undefined;
	while (!signal.aborted) {
		// While silent, ping every interval; while events flow, only once the stream has been quiet that long.
		const wait = silentSince === undefined ? Math.max(0, watch.quietSince() + intervalMs - scheduler.now()) : intervalMs;
		await sleep(wait);
		if (signal.aborted) return;
		if (silentSince === undefined && scheduler.now() - watch.quietSince() < intervalMs) continue;
		const sentAt = scheduler.now();
		try {
			await pingWithin(watch.ping, deadlineMs, scheduler);
			if (signal.aborted) return;
			watch.heard();
			if (silentSince !== undefined) {
				silentSince = undefined;
				watch.onAnswer();
			}
		} catch (error) {
			if (signal.aborted) return;
			silentSince ??= sentAt;
			watch.onSilent(silentSince, `engine not answering (${(error as Error).message})`);
		}
	}
}
