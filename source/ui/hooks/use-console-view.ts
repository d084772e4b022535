/**
 * The source's current view, re-read when the source says it changed, but at most once per
 * `intervalMs` (a burst of events or a stats tick becomes one frame, ~2 Hz). The first change
 * after a quiet spell, and an urgent one (a container died, its health changed), show at
 * once, so a death is on screen without waiting for the batch.
 */
import {useEffect, useState} from 'react';
import {createCoalescer, realScheduler} from '../../engine/model/notify.js';
import type {ConsoleSource, ConsoleView} from '../view/types.js';

/** The throttled view of `source`. */
export function useConsoleView(source: ConsoleSource, intervalMs = 500, now: () => number = Date.now): ConsoleView {
	const [view, setView] = useState(() => source.snapshot());
	useEffect(() => {
		// The engine's one throttle (the live source itself passes the model's changes on unthrottled).
		const coalescer = createCoalescer(() => setView(source.snapshot()), intervalMs, {...realScheduler, now});
		setView(source.snapshot());
		const unsubscribe = source.subscribe(urgent => (urgent ? coalescer.flushNow() : coalescer.changed()));
		return () => {
			unsubscribe();
			coalescer.cancel();
		};
	}, [source, intervalMs, now]);
	return view;
}
