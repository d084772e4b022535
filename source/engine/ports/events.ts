/**
 * The events port: the daemon's `/events` stream, whole and normalised. One subscription
 * for the live model (`follow`), one per container for waits (`watchContainer`).
 */
import type {DockerEvent} from '../model/types.js';

/** Options for one event subscription. */
export type FollowEventsOptions = {
	readonly signal: AbortSignal;
	/** Event types to receive (default: container, service, node). */
	readonly types?: readonly string[];
	/** Called once the daemon has accepted the subscription (events from now on will arrive). */
	readonly onOpen?: () => void;
	/** Replay events from this wall-clock time (ms) on, e.g. since a listing read before subscribing. */
	readonly sinceMs?: number;
};

/** How a followed stream ended. */
export type StreamEnd = {readonly reason: 'aborted' | 'ended' | 'error'; readonly error?: Error};

/** Events. */
export type EventsPort = {
	/** Follows events until the stream ends or `signal` aborts; rejects only when it cannot be opened. */
	follow(onEvent: (event: DockerEvent) => void, options: FollowEventsOptions): Promise<StreamEnd>;
	/**
	 * Calls `onEvent` for each event of one container among `actions` (`health_status`, `die`,
	 * `start`, `exec_die`, `destroy`...) until `signal` aborts. Resolves once the subscription
	 * is live, so an inspect right after it misses nothing. `onEnd` is called once when the
	 * stream ends or fails before `signal` aborts (the subscription is then gone).
	 */
	watchContainer(id: string, actions: readonly string[], signal: AbortSignal, onEvent: (event: DockerEvent) => void, onEnd?: (error?: Error) => void): Promise<void>;
};
