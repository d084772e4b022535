/**
 * Exponential backoff as a pure function of the attempt (p-retry's shape): 250 ms, 500 ms,
 * 1 s, ... capped, with symmetric jitter so many waiters do not probe in lockstep.
 */

/** Backoff settings; every field has a default. */
export type BackoffOptions = {
	readonly startMs?: number;
	readonly factor?: number;
	readonly capMs?: number;
	/** Fraction of the delay to randomise, 0..1 (0.2 = ±20%). */
	readonly jitter?: number;
};

/** Defaults from the product spec: start 250 ms, factor 2, cap 2 s, ±20% jitter. */
export const defaultBackoff = {startMs: 250, factor: 2, capMs: 2000, jitter: 0.2} as const;

/**
 * The delay before attempt `attempt + 1` (attempt counts from 0), given a random number in
 * [0, 1): 0.5 means no jitter. Never above the cap, never negative.
 */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = {}): number {
	const startMs = options.startMs ?? defaultBackoff.startMs;
	const factor = options.factor ?? defaultBackoff.factor;
	const capMs = options.capMs ?? defaultBackoff.capMs;
	const jitter = options.jitter ?? defaultBackoff.jitter;
	const base = Math.min(capMs, startMs * factor ** Math.max(0, attempt));
	const jittered = base * (1 + jitter * (2 * random - 1));
	return Math.max(0, Math.min(capMs, Math.round(jittered)));
}
