/**
 * The source's current view, re-read when the source says it changed, at most once per frame
 * of the console's frame clock (a burst of events or a stats tick becomes one frame, ~2 Hz,
 * drawn together with any new log lines). The first change after a quiet spell, and an
 * urgent one (a container died, its health changed), show at once, so a death is on screen
 * without waiting for the batch.
 */
import {useEffect, useState} from 'react';
import type {FrameClock} from '../data/frame-clock.js';
import type {ConsoleSource, ConsoleView} from '../view/types.js';

/** The view of `source`, published through `clock`. */
export function useConsoleView(source: ConsoleSource, clock: FrameClock): ConsoleView {
	const [view, setView] = useState(() => source.snapshot());
	useEffect(() => {
		const publish = () => setView(source.snapshot());
		setView(source.snapshot());
		const unsubscribe = source.subscribe(urgent => (urgent ? clock.flushNow(publish) : clock.request(publish)));
		return () => {
			unsubscribe();
			clock.withdraw(publish);
		};
	}, [source, clock]);
	return view;
}
