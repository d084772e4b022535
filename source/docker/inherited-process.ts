/**
 * Runs a program on the user's terminal (inherited stdio) and waits for it: the console's
 * `docker exec -it` shell and its chart view. Kept here so the UI never spawns processes itself.
 */

/** How such a program ended: its exit code (undefined when killed) and why it failed to start, if it did. */
export type InheritedExit = {readonly exitCode?: number; readonly failure?: string};

/** Runs `file args` with the terminal inherited; never rejects for a non-zero exit. */
export async function runOnTerminal(file: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<InheritedExit> {
	const {execa} = await import('execa');
	const result = await execa(file, [...args], {stdio: 'inherit', env: {...process.env, ...env}, reject: false});
	return {exitCode: result.exitCode, failure: result.failed && result.exitCode === undefined ? result.shortMessage : undefined};
}
