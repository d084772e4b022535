/**
 * Follows the logs of one or more containers into a bounded ring buffer while the Logs tab
 * shows them. Lines are ingested off the render path: each batch goes straight into the
 * buffer (no React state per line), and a version number is published at most every
 * `publishMs`, so however chatty a container is the tab re-renders a few times a second and
 * memory stays at the buffer's capacity. Several containers (a service's replicas, a
 * project) are merged in time order, each line tagged with its container.
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import {mergeByTime} from '../../engine/logs/merge.js';
import {RingBuffer} from '../../engine/logs/ring-buffer.js';
import type {ConsoleSource, LogLine} from '../view/types.js';

/** Lines kept per Logs view (the ring buffer's window). */
export const logBufferLines = 10_000;

/** One buffered line and the index of the container it came from (into `LogFeed.labels`). */
export type LogEntry = LogLine & {readonly source: number};

/** What the Logs tab draws from: the buffer, its version (changes when lines arrived) and the containers' labels. */
export type LogFeed = {
	readonly buffer: RingBuffer<LogEntry>;
	readonly version: number;
	readonly labels: readonly string[];
};

/** One container to follow and the label its lines carry when several are merged. */
export type LogTarget = {readonly id: string; readonly label: string};

/**
 * The feed of `targets`; empty while `active` is false or nothing is selected. A new set of
 * targets starts a new buffer.
 */
export function useLogs(source: ConsoleSource, targets: readonly LogTarget[], active: boolean, publishMs = 500, capacity = logBufferLines): LogFeed {
	const key = targets.map(entry => `${entry.id}\u0000${entry.label}`).join('\u0001');
	const labels = useMemo(() => (key === '' ? [] : key.split('\u0001').map(entry => entry.split('\u0000')[1]!)), [key]);
	const buffer = useMemo(() => new RingBuffer<LogEntry>(capacity), [key, active, capacity]);
	const [version, setVersion] = useState(0);
	const published = useRef(0);
	useEffect(() => {
		const ids = key === '' ? [] : key.split('\u0001').map(entry => entry.split('\u0000')[0]!);
		if (!active || ids.length === 0 || !source.followLogs) return;
		const controller = new AbortController();
		// Lines waiting for the next publish, per container; each is cut to the capacity, so a
		// stalled render cannot grow memory either.
		const pending: LogEntry[][] = ids.map(() => []);
		let timer: NodeJS.Timeout | undefined;
		const publish = () => {
			timer = undefined;
			if (controller.signal.aborted) return;
			buffer.pushAll(ids.length === 1 ? pending[0]! : mergeByTime(pending));
			for (const lines of pending) lines.length = 0;
			published.current = buffer.pushedCount;
			setVersion(published.current);
		};
		for (const [index, id] of ids.entries()) {
			source.followLogs(
				id,
				incoming => {
					const lines = pending[index]!;
					for (const line of incoming) lines.push({...line, source: index});
					if (lines.length > capacity) lines.splice(0, lines.length - capacity);
					// The first lines show at once; after that at most one publish per `publishMs`.
					timer ??= setTimeout(publish, buffer.pushedCount === 0 ? 0 : publishMs);
				},
				controller.signal,
			);
		}
		return () => {
			controller.abort();
			if (timer) clearTimeout(timer);
		};
	}, [source, key, active, publishMs, buffer, capacity]);
	return {buffer, version: active ? version : 0, labels};
}
