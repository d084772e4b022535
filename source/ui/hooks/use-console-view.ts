/**
 * The source's current view, re-read when the source says it changed, but at most once per
 * `intervalMs` (a burst of events or a stats tick becomes one frame, ~2 Hz). The first change
 * after a quiet spell, and an urgent one (a container died, its health changed), show at
 * once, so a death is on screen without waiting for the batch.
 */
import {useEffect, useState} from 'react';
import type {ConsoleSource, ConsoleView} from '../view/types.js';

/** The throttled view of `source`. */
export function useConsoleView(source: ConsoleSource, intervalMs = 500, now: () => number = Date.now): ConsoleView {
	const [view, setView] = useState(() => source.snapshot());
	useEffect(() => {
		let last = 0;
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			last = now();
			setView(source.snapshot());
		};
		setView(source.snapshot());
		const unsubscribe = source.subscribe(urgent => {
			if (urgent) {
				if (timer) clearTimeout(timer);
				flush();
				return;
			}
			if (timer) return;
			const wait = last + intervalMs - now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		});
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [source, intervalMs, now]);
	return view;
}
