/** Options the console is started with (from cli.tsx). */
export type ConsoleOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly theme?: string;
	readonly readOnly: boolean;
};

/** Renders the console until the user quits; returns the exit code. */
export async function runConsole(_options: ConsoleOptions): Promise<number> {
	process.stderr.write('deckhand: the console is not built yet\n');
	return 1;
}
