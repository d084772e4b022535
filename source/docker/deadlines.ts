/**
 * Deadlines on every request a dockerode client sends, so a wedged engine (a socket that
 * accepts and never answers, a SIGSTOPped dockerd) is an error and never a hang. A plain
 * request must be answered in full within its deadline; a streaming one (events, logs
 * follow, stats stream, attach, exec, build, pull) must send its response headers within
 * it and then runs as long as its reader wants. On expiry the request's socket is torn
 * down and the caller gets EngineNotAnsweringError (exit 3).
 */
import type Docker from 'dockerode';
import {EngineUnreachableError} from '../engine/ports/wire.js';

/** The deadline of a request when nothing else is said: 10 s (DECKHAND_ENGINE_TIMEOUT_MS overrides). */
export const defaultRequestDeadlineMs = 10_000;

/** Extra time for requests that upload a body (build contexts, archives) before the engine can answer. */
const uploadAllowanceMs = 50_000;

/** How long stop/restart may take without `t`: the container's own stop timeout, which the client does not know. */
const unknownStopAllowanceMs = 300_000;

/** The engine accepted a request and did not answer it within its deadline. Exit 3. */
export class EngineNotAnsweringError extends EngineUnreachableError {
	constructor(
		readonly host: string,
		readonly deadlineMs: number,
	) {
		super(`engine at ${host} stopped answering (no reply within ${formatDeadline(deadlineMs)})`);
	}
}

/** `10s`, `2.5s`, `300 ms`: a deadline as the error line says it. */
export function formatDeadline(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))}s`;
}

/** The request deadline from the environment (DECKHAND_ENGINE_TIMEOUT_MS), else the default. */
export function requestDeadlineFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const value = Number(env.DECKHAND_ENGINE_TIMEOUT_MS);
	return Number.isInteger(value) && value > 0 ? value : defaultRequestDeadlineMs;
}

/** What docker-modem's `dial` options say about a request (the fields this module reads). */
export type DialFacts = {
	readonly path?: string;
	readonly method?: string;
	readonly isStream?: boolean;
	readonly hijack?: boolean;
	readonly file?: unknown;
	readonly options?: Record<string, unknown>;
	/** Set by deckhand's own callers (the connect ping) to choose a request's deadline. */
	readonly deadlineMs?: number;
};

/**
 * The deadline for one request, or undefined for the one request that legitimately has none:
 * `POST /containers/{id}/wait`, which blocks until the container exits and is bounded by its
 * caller's signal. Stop and restart get their grace period `t` on top.
 */
export function deadlineFor(request: DialFacts, baseMs: number): number | undefined {
	if (request.deadlineMs !== undefined) return request.deadlineMs;
	// dial has already put the pinned version (`/v1.47`) in front of the path.
	const path = (request.path ?? '').replace(/^\/v\d+\.\d+(?=\/)/, '');
	if (/^\/containers\/[^/]+\/wait/.test(path)) return undefined;
	if (/^\/containers\/[^/]+\/(stop|restart)/.test(path)) {
		const t = Number(request.options?.t);
		return baseMs + (Number.isFinite(t) && t >= 0 ? t * 1000 : unknownStopAllowanceMs);
	}
	if (request.file !== undefined) return baseMs + uploadAllowanceMs;
	return baseMs;
}

type Callback = (error: unknown, result?: unknown) => void;
type Modem = {
	buildRequest(options: {signal?: AbortSignal}, context: DialFacts, data: unknown, callback: Callback): void;
	deckhandDeadlines?: true;
};

/**
 * Wraps `docker`'s modem so each request carries its deadline (`baseMs`, see deadlineFor);
 * `host` names the engine in the error. Idempotent per client.
 */
export function installDeadlines(docker: Docker, host: string, baseMs: number = requestDeadlineFromEnv()): Docker {
	const modem = docker.modem as unknown as Modem;
	if (modem.deckhandDeadlines) return docker;
	modem.deckhandDeadlines = true;
	const buildRequest = modem.buildRequest.bind(modem);
	modem.buildRequest = (options, context, data, callback) => {
		const deadlineMs = deadlineFor(context, baseMs);
		if (deadlineMs === undefined) return buildRequest(options, context, data, callback);
		const controller = new AbortController();
		options.signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
		let expired = false;
		const timer = setTimeout(() => {
			expired = true;
			controller.abort();
		}, deadlineMs);
		// Streams are answered when their headers arrive (the callback); plain requests when their body has.
		buildRequest(options, context, data, (error, result) => {
			clearTimeout(timer);
			callback(expired ? new EngineNotAnsweringError(host, deadlineMs) : error, expired ? undefined : result);
		});
	};
	return docker;
}
