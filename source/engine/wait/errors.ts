/**
 * Wait errors say which probe, how many attempts, and what the probe last saw, so a failed
 * `up`/`wait` line is enough to act on. They carry `probe`/`attempts`/`lastOutput` fields the
 * plan executor's `toFailure` reads.
 */
import {formatDuration} from '../duration.js';
import {OperationFailedError, TimeoutError} from '../errors.js';

/** Details every wait error carries. */
export type ProbeDetails = {readonly target: string; readonly probe: string; readonly attempts: number; readonly lastOutput?: string};

const tail = (text: string | undefined) => {
	const trimmed = (text ?? '').trim();
	return trimmed === '' ? '' : `; last output: ${trimmed.length > 300 ? `…${trimmed.slice(-300)}` : trimmed}`;
};

const plural = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/** The deadline passed before the probe succeeded. Exit 1. */
export class ProbeTimeoutError extends TimeoutError {
	readonly probe: string;
	readonly attempts: number;
	readonly lastOutput?: string;
	constructor(details: ProbeDetails, waitedMs: number) {
		super(`${details.target}: ${details.probe} probe not ready after ${formatDuration(waitedMs)} (${plural(details.attempts)})${tail(details.lastOutput)}`);
		this.probe = details.probe;
		this.attempts = details.attempts;
		this.lastOutput = details.lastOutput;
	}
}

/** The probe can never succeed (container exited, unhealthy with fail-fast). Exit 1. */
export class ProbeFailedError extends OperationFailedError {
	readonly probe: string;
	readonly attempts: number;
	readonly lastOutput?: string;
	constructor(details: ProbeDetails, reason: string) {
		super(`${details.target}: ${details.probe} probe failed: ${reason} (${plural(details.attempts)})${tail(details.lastOutput)}`);
		this.probe = details.probe;
		this.attempts = details.attempts;
		this.lastOutput = details.lastOutput;
	}
}
