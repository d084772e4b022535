/**
 * Follows the logs of one container into a bounded ring buffer while the Logs tab shows
 * it; re-renders at most a few times a second however chatty the container is.
 */
import {useEffect, useRef, useState} from 'react';
import type {ConsoleSource, LogLine} from '../view/types.js';

/** Lines kept per followed container. */
export const logBufferLines = 5000;

/**
 * The buffered lines of the containers `ids` (a service's replicas are merged, each line
 * prefixed with its replica's label); empty while `active` is false or nothing is selected.
 */
export function useLogs(source: ConsoleSource, ids: readonly {id: string; label: string}[], active: boolean, intervalMs = 250): readonly LogLine[] {
	const key = ids.map(entry => `${entry.id}=${entry.label}`).join(',');
	const buffer = useRef<LogLine[]>([]);
	const [lines, setLines] = useState<readonly LogLine[]>([]);
	useEffect(() => {
		buffer.current = [];
		setLines([]);
		const targets = key === '' ? [] : key.split(',').map(entry => entry.split('='));
		if (!active || targets.length === 0 || !source.followLogs) return;
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			if (!controller.signal.aborted) setLines(buffer.current.slice());
		};
		for (const [id, label] of targets) {
			source.followLogs(
				id!,
				incoming => {
					const labelled = targets.length > 1 ? incoming.map(line => ({...line, text: `${label} ${line.text}`})) : incoming;
					const next = buffer.current.concat(labelled);
					buffer.current = next.length > logBufferLines ? next.slice(next.length - logBufferLines) : next;
					timer ??= setTimeout(flush, intervalMs);
				},
				controller.signal,
			);
		}
		return () => {
			controller.abort();
			if (timer) clearTimeout(timer);
		};
	}, [source, key, active, intervalMs]);
	return lines;
}
