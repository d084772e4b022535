/**
 * The stats hub: streams counters only for the containers subscribers ask for, turns them
 * into `docker stats` figures with a bounded history each, and hands every subscriber one
 * batched update per interval (never one callback per chunk). UI-free; the sampler is injected.
 */
import {RingBuffer} from '../logs/ring-buffer.js';
import {computeStats} from './compute.js';
import type {ContainerStats, StatsCounters, StatsSampler} from './types.js';

/** One batched delivery: the latest figures of the subscribed containers that have any. */
export type StatsUpdate = {
	readonly at: number;
	readonly stats: ReadonlyMap<string, ContainerStats>;
};

/** Receives batched updates. */
export type StatsListener = (update: StatsUpdate) => void;

/** How the hub samples and batches. */
export type StatsHubOptions = {
	readonly sampler: StatsSampler;
	/** Delivery interval (ms); 1000 like `docker stats`. */
	readonly intervalMs?: number;
	/** Figures kept per container: 600 = the last 10 minutes at 1 Hz. */
	readonly historySize?: number;
	readonly now?: () => number;
};

/** A running hub; `close` stops every stream. */
export type StatsHub = {
	readonly kind: StatsSampler['kind'];
	/** Streams `ids` until the returned function is called or `signal` aborts. */
	subscribe(ids: readonly string[], listener: StatsListener, options?: {readonly signal?: AbortSignal}): () => void;
	/** The kept figures of one container, oldest first (empty once nobody subscribes to it). */
	history(id: string): readonly ContainerStats[];
	/** The latest figures of one container. */
	latest(id: string): ContainerStats | undefined;
	/** The containers being streamed now. */
	streaming(): readonly string[];
	close(): void;
};

type Followed = {
	readonly controller: AbortController;
	readonly history: RingBuffer<ContainerStats>;
	previous?: StatsCounters;
	subscribers: number;
	/** Bumped on every new figure, so a tick delivers only what changed. */
	version: number;
};

type Subscription = {
	readonly ids: readonly string[];
	readonly listener: StatsListener;
	/** Sum of the followed versions at the last delivery. */
	delivered: number;
};

/** Creates a stats hub over one sampler. */
export function createStatsHub(options: StatsHubOptions): StatsHub {
	const {sampler, intervalMs = 1000, historySize = 600, now = Date.now} = options;
	const followed = new Map<string, Followed>();
	const subscriptions = new Set<Subscription>();
	let timer: NodeJS.Timeout | undefined;

	const onCounters = (id: string, entry: Followed) => (counters: StatsCounters) => {
		if (entry.controller.signal.aborted) return;
		// A counter going backwards means the container restarted: start the CPU delta afresh.
		const previous = entry.previous && entry.previous.cpuNs <= counters.cpuNs ? entry.previous : undefined;
		entry.previous = counters;
		entry.history.push(computeStats(id, previous, counters));
		entry.version++;
	};

	const retain = (id: string) => {
		let entry = followed.get(id);
		if (!entry) {
			entry = {controller: new AbortController(), history: new RingBuffer(historySize), subscribers: 0, version: 0};
			followed.set(id, entry);
			sampler.follow(id, onCounters(id, entry), entry.controller.signal);
		}
		entry.subscribers++;
	};

	const release = (id: string) => {
		const entry = followed.get(id);
		if (!entry || --entry.subscribers > 0) return;
		entry.controller.abort();
		followed.delete(id);
	};

	const tick = () => {
		for (const subscription of subscriptions) {
			let version = 0;
			const stats = new Map<string, ContainerStats>();
			for (const id of subscription.ids) {
				const entry = followed.get(id);
				if (!entry) continue;
				version += entry.version;
				const latest = entry.history.last();
				if (latest) stats.set(id, latest);
			}
			if (version === subscription.delivered || stats.size === 0) continue;
			subscription.delivered = version;
			subscription.listener({at: now(), stats});
		}
	};

	const ensureTimer = () => {
		if (subscriptions.size > 0 && !timer) {
			timer = setInterval(tick, intervalMs);
			timer.unref?.();
		} else if (subscriptions.size === 0 && timer) {
			clearInterval(timer);
			timer = undefined;
		}
	};

	return {
		kind: sampler.kind,
		subscribe(ids, listener, {signal} = {}) {
			const unique = [...new Set(ids)];
			const subscription: Subscription = {ids: unique, listener, delivered: 0};
			let active = true;
			const unsubscribe = () => {
				if (!active) return;
				active = false;
				signal?.removeEventListener('abort', unsubscribe);
				subscriptions.delete(subscription);
				for (const id of unique) release(id);
				ensureTimer();
			};
			if (signal?.aborted) return () => undefined;
			signal?.addEventListener('abort', unsubscribe, {once: true});
			subscriptions.add(subscription);
			for (const id of unique) retain(id);
			ensureTimer();
			return unsubscribe;
		},
		history: id => followed.get(id)?.history.toArray() ?? [],
		latest: id => followed.get(id)?.history.last(),
		streaming: () => [...followed.keys()],
		close() {
			for (const subscription of [...subscriptions]) subscriptions.delete(subscription);
			for (const entry of followed.values()) entry.controller.abort();
			followed.clear();
			ensureTimer();
		},
	};
}
