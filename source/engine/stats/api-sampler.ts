/**
 * The API stats sampler: one `/containers/{id}/stats?stream=true` per followed container,
 * NDJSON split across chunks, resumed when the container runs again.
 */
import {waitUntilRunning} from '../containers/wait-running.js';
import {splitLines} from '../logs/lines.js';
import {isNotFound, type EnginePorts} from '../ports/index.js';
import {backoffDelay} from '../wait/backoff.js';
import {sleep} from '../wait/clock.js';
import {countersFromApi, type DockerStatsJson} from './from-api.js';
import type {StatsSampler} from './types.js';

/** A sampler over Docker's stats streams that can tell which streams are open (for tests and the bench). */
export type ApiStatsSampler = StatsSampler & {
	/** Ids whose stats stream is open now. */
	openStreams(): string[];
};

/** Waits `ms`, or less when `signal` aborts (the loop then sees the abort and ends). */
const pause = async (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, signal).catch(() => undefined);

/** Creates the API sampler; `onError` hears about failures that are not a removed container. */
export function createApiStatsSampler(ports: Pick<EnginePorts, 'stats' | 'containers' | 'events'>, options: {readonly onError?: (id: string, error: unknown) => void} = {}): ApiStatsSampler {
	const open = new Map<string, number>();
	const opened = (id: string, delta: number) => {
		const count = (open.get(id) ?? 0) + delta;
		if (count > 0) open.set(id, count);
		else open.delete(id);
	};

	const run = async (id: string, onCounters: Parameters<StatsSampler['follow']>[1], signal: AbortSignal) => {
		let quick = 0;
		while (!signal.aborted) {
			const startedAt = Date.now();
			try {
				const stream = await ports.stats.stream(id, signal);
				opened(id, 1);
				try {
					let pending: Buffer = Buffer.alloc(0);
					for await (const chunk of stream) {
						const {lines, rest} = splitLines(pending, chunk);
						pending = rest;
						for (const line of lines) {
							if (line.trim() === '') continue;
							const json = JSON.parse(line) as DockerStatsJson;
							// A stopped container streams empty documents (`read` unset): nothing to show.
							if (!json.read || json.read.startsWith('0001-')) continue;
							onCounters(countersFromApi(json, Date.now()));
						}
					}
				} finally {
					opened(id, -1);
				}
			} catch (error) {
				if (signal.aborted || isNotFound(error)) return;
				options.onError?.(id, error);
			}
			if (signal.aborted) return;
			quick = Date.now() - startedAt < 2000 ? quick + 1 : 0;
			if (quick > 0) await pause(backoffDelay(quick - 1, 0.5, {startMs: 500, capMs: 10_000, jitter: 0}), signal);
			const state = await waitUntilRunning(ports, id, signal).catch((error: unknown) => {
				options.onError?.(id, error);
				return 'running' as const;
			});
			if (state === 'gone') return;
		}
	};

	return {
		kind: 'api',
		follow(id, onCounters, signal) {
			void run(id, onCounters, signal);
		},
		openStreams: () => [...open.keys()],
	};
}
