/**
 * Leaving when the terminal goes away (ssh drop, tmux kill-session, a closed pty) or a
 * signal asks us to. Node's own exit path restores the terminal modes it saved at start
 * (`ResetStdio`) and aborts with a native assertion when the terminal is gone (EIO), which
 * people saw as a SIGSEGV and a core dump. So after our own clean-up the process ends the
 * way the signal would have ended it: default disposition, signal raised again. The shell
 * then reports 128 + the signal's number (129 for a hang-up, 143 for SIGTERM), quietly.
 */

/** What to undo before leaving; each step may fail (the terminal may be gone) without stopping the rest. */
export type HangUpCleanup = ReadonlyArray<() => void>;

/** Runs every clean-up step, then ends the process by `signal` with its default action. */
export function leaveBySignal(signal: NodeJS.Signals, cleanup: HangUpCleanup): void {
	for (const step of cleanup) {
		try {
			step();
		} catch {
			// The terminal or a stream is already gone: nothing left to restore there.
		}
	}
	// With no listener left, libuv puts the default action back, so the signal ends us.
	process.removeAllListeners(signal);
	process.kill(process.pid, signal);
}

/**
 * Watches for the terminal closing under us: a read or write error (EIO) or the end of
 * input on a terminal stdin. Returns a function that stops watching.
 */
export function onTerminalGone(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, gone: () => void): () => void {
	if (!stdin.isTTY) return () => undefined;
	let fired = false;
	const fire = () => {
		if (fired) return;
		fired = true;
		gone();
	};
	stdin.on('end', fire);
	stdin.on('error', fire);
	stdout.on('error', fire);
	return () => {
		stdin.off('end', fire);
		stdin.off('error', fire);
		stdout.off('error', fire);
	};
}
