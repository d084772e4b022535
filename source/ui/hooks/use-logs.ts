/**
 * Follows the logs of one or more containers into a bounded ring buffer while the Logs tab
 * shows them. Lines are ingested off the render path (`LogIngest`: no React state per line,
 * no copy per line for one container), and the buffer's version is published through the
 * console's frame clock, so the tab redraws in the same frame as the rest of the view, a
 * few times a second however chatty the container is, and memory stays at the buffer's
 * capacity. Several containers (a service's replicas, a project) are merged in time order,
 * each line tagged with its container.
 */
import {useEffect, useMemo, useState} from 'react';
import {RingBuffer} from '../../engine/logs/ring-buffer.js';
import {createFrameClock, dataFrameMs, type FrameClock} from '../data/frame-clock.js';
import {LogIngest, type LogEntry} from '../data/log-ingest.js';
import type {ConsoleSource} from '../view/types.js';

export type {LogEntry} from '../data/log-ingest.js';

/** Lines kept per Logs view (the ring buffer's window). */
export const logBufferLines = 10_000;

/** What the Logs tab draws from: the buffer, its version (changes when lines arrived) and the containers' labels. */
export type LogFeed = {
	readonly buffer: RingBuffer<LogEntry>;
	readonly version: number;
	readonly labels: readonly string[];
};

/** One container to follow and the label its lines carry when several are merged. */
export type LogTarget = {readonly id: string; readonly label: string};

/** The clock of a Logs tab rendered without the App's (tests of the tab alone). */
const ownClock = createFrameClock(dataFrameMs);

/**
 * The feed of `targets`; empty while `active` is false or nothing is selected. A new set of
 * targets starts a new buffer.
 */
export function useLogs(source: ConsoleSource, targets: readonly LogTarget[], active: boolean, clock: FrameClock = ownClock, capacity = logBufferLines): LogFeed {
	const key = targets.map(entry => `${entry.id}\u0000${entry.label}`).join('\u0001');
	const labels = useMemo(() => (key === '' ? [] : key.split('\u0001').map(entry => entry.split('\u0000')[1]!)), [key]);
	const buffer = useMemo(() => new RingBuffer<LogEntry>(capacity), [key, active, capacity]);
	const [version, setVersion] = useState(0);
	useEffect(() => {
		const ids = key === '' ? [] : key.split('\u0001').map(entry => entry.split('\u0000')[0]!);
		if (!active || ids.length === 0 || !source.followLogs) return;
		const controller = new AbortController();
		const ingest = new LogIngest(buffer, ids.length);
		const publish = () => {
			if (!controller.signal.aborted) setVersion(ingest.commit());
		};
		for (const [index, id] of ids.entries()) {
			source.followLogs(
				id,
				incoming => {
					ingest.add(index, incoming);
					// The first lines show at once (a quiet clock publishes at once), then once per frame.
					clock.request(publish);
				},
				controller.signal,
			);
		}
		return () => {
			controller.abort();
			clock.withdraw(publish);
		};
	}, [source, key, active, buffer, capacity, clock]);
	return {buffer, version: active ? version : 0, labels};
}
