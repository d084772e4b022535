/**
 * The console's entry as cli.tsx calls it. Ink decides once, when it is first imported,
 * whether it runs "in CI" (then it prints only the last frame, at exit). On a terminal the
 * console is interactive whatever CI says, so that is settled before Ink loads.
 */

/** Options the console is started with (from cli.tsx). */
export type ConsoleOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly theme?: string;
	readonly readOnly: boolean;
};

/** Renders the console until the user quits; returns the exit code. */
export async function runConsole(options: ConsoleOptions): Promise<number> {
	if (process.stdout.isTTY && process.stdin.isTTY && process.env.CI !== undefined) process.env.CI = 'false';
	const {startConsole} = await import('./console-main.js');
	return startConsole(options);
}
