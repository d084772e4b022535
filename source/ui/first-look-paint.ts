/**
 * Paints the first look (first-look.ts) the moment the early container listing answers,
 * while the console's code still loads, so an operator sees rows in a few hundred ms. The
 * console takes the screen over when it starts drawing (handOver); if it ends before that
 * (no engine, bad input), release() puts the terminal back so its one-line error shows.
 *
 * While it is on screen the terminal is in raw mode, as the console will put it: keys typed
 * meanwhile are neither echoed over the rows nor held back for a line, and reach the console
 * as it reads them. SIGTERM restores the terminal and a hang-up leaves quietly, as in the console.
 */
import type {EarlyList} from '../docker/early-list.js';
import {leaveBySignal} from './hang-up.js';

/** The same alternate screen the console draws on, the cursor hidden as Ink hides it. */
const enter = '\u001b[?1049h\u001b[H\u001b[2J\u001b[?25l';
const leave = '\u001b[?1049l\u001b[?25h';

/** A first look in progress. */
export type FirstLook = {
	/** The console draws from now on (a listing answering later is not painted); true when the first look is on screen. */
	handOver(): boolean;
	/** Leaves the alternate screen if the first look painted and the console never took over. */
	release(): void;
};

/** Where the first look draws: a terminal on both ends (keys will follow), not a dumb one. */
export function canPaintFirstLook(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, env: NodeJS.ProcessEnv): boolean {
	return Boolean(stdout.isTTY && stdin.isTTY) && env.TERM !== 'dumb';
}

/** Paints `list`'s containers on `stdout` when it answers, unless the console has taken over. */
export function startFirstLook(list: Promise<EarlyList | undefined>, stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, options: {readonly readOnly: boolean}): FirstLook {
	let state: 'waiting' | 'painted' | 'done' = 'waiting';
	const release = () => {
		if (state === 'painted') {
			// Writes to a terminal are synchronous in Node, so this lands even from an exit handler.
			stdout.write(leave);
			stdin.setRawMode?.(false);
		}
		state = 'done';
	};
	const onTerminate = () => leaveBySignal('SIGTERM', [release]);
	const onHangUp = () => leaveBySignal('SIGHUP', []);
	const stopWatching = () => {
		process.removeListener('exit', release);
		process.removeListener('SIGTERM', onTerminate);
		process.removeListener('SIGHUP', onHangUp);
	};
	// Any exit (a second Ctrl-C makes cli.tsx exit at once) still restores the screen.
	process.once('exit', release);
	void list.then(async early => {
		if (!early || state !== 'waiting') return;
		const {firstLookLines, rememberedSession} = await import('./first-look.js');
		if (state !== 'waiting') return;
		const lines = firstLookLines({host: early.host, containers: early.containers, columns: stdout.columns, rows: stdout.rows, readOnly: options.readOnly, now: Date.now(), session: rememberedSession(process.env)});
		stdin.setRawMode?.(true);
		process.once('SIGTERM', onTerminate);
		process.once('SIGHUP', onHangUp);
		stdout.write(enter + lines.join('\r\n'));
		state = 'painted';
	}).catch(() => undefined);
	return {
		handOver() {
			const shown = state === 'painted';
			state = 'done';
			stopWatching();
			return shown;
		},
		release() {
			release();
			stopWatching();
		},
	};
}
