/**
 * Renders the console app with ink-testing-library at a fixed size and helps tests type
 * keys and wait for frames.
 */
// tsx applies tsconfig.json (react-jsx) to source/ only; test files use the classic runtime.
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import {buildKeymap, type KeymapOptions} from '../../source/ui/keys/keymap.js';
import {monochromeTheme} from '../../source/ui/theme/theme-context.js';
import type {Theme} from '../../source/ui/theme/theme.js';
import {UsageError} from '../../source/engine/errors.js';
import {fakeSource, type FakeSource} from './fake-source.js';
import {initialState} from '../../source/ui/state/console-state.js';
import type {ConsoleSession} from '../../source/ui/state/session.js';
import type {SortId} from '../../source/ui/view/problems.js';

/** Key escape sequences as a terminal sends them. */
export const keys = {up: '\u001b[A', down: '\u001b[B', enter: '\r', escape: '\u001b', tab: '\t', backspace: '\u007f'} as const;

/** Replaces digits by 0 so frames with times and sizes compare stably. */
export const normaliseDigits = (frame: string): string => frame.replace(/\d/g, '0');

/** Waits until `predicate(lastFrame)` holds (or fails after `timeoutMs` with the last frame). */
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean, timeoutMs = 2000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (predicate(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`frame never matched; last frame:\n${frame}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** Renders the app with a fake source; returns the ink-testing-library instance plus helpers. */
export function renderApp(options: {source?: FakeSource; keymap?: KeymapOptions; columns?: number; rows?: number; onExec?: (id: string) => void; onChart?: (engine?: string) => void; themes?: Record<string, Theme>; sort?: SortId; now?: () => number; onSessionChange?: (session: ConsoleSession) => void} = {}) {
	const source = options.source ?? fakeSource();
	const keymap = buildKeymap(options.keymap);
	const quits: number[] = [];
	const instance = render(
		<App
			source={source}
			keymap={keymap}
			theme={monochromeTheme}
			loadTheme={name => {
				const theme = options.themes?.[name];
				if (!theme) throw new UsageError(`theme "${name}" not found`);
				return theme;
			}}
			// The demo reads alphabetically (api, db, worker) unless a test asks for another order;
			// the console's default order (problems first) has its own tests.
			initialState={{...initialState('monochrome'), sort: options.sort ?? 'name'}}
			now={options.now}
			onSessionChange={options.onSessionChange}
			size={{columns: options.columns ?? 100, rows: options.rows ?? 24}}
			updateIntervalMs={0}
			onExec={options.onExec}
			onChart={options.onChart ? (_state, engine) => options.onChart!(engine) : undefined}
			onQuit={() => void quits.push(1)}
		/>,
	);
	/** Types text (each call is one key press) and lets React settle. */
	const press = async (...inputs: string[]) => {
		for (const input of inputs) {
			instance.stdin.write(input);
			await new Promise(resolve => setTimeout(resolve, 15));
		}
	};
	const frame = () => instance.lastFrame() ?? '';
	return {...instance, source, keymap, press, frame, quits, waitFor: (predicate: (frame: string) => boolean) => waitForFrame(instance.lastFrame, predicate)};
}
