/**
 * Starting and stopping the second engines (scripts/sshd.sh, scripts/podman.sh,
 * scripts/engine.sh with its own directory) from tests, each test file with its own instance
 * directory so files can run in parallel with the rest of the suite.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** One instance of a script: `start` answers the host it prints; `env` parses its exports. */
export type EngineScript = {
	start(): Promise<string>;
	stop(): Promise<void>;
	status(): Promise<boolean>;
	env(): Promise<Record<string, string>>;
	/** Any other action of the script (e.g. sshd.sh `down`). */
	action(name: string): Promise<void>;
};

/** `script` (a path under scripts/) run with `env` added to this process's environment. */
export function engineScript(script: string, env: Record<string, string>, timeoutMs = 240_000): EngineScript {
	const call = async (action: string) => run('bash', [script, action], {env: {...process.env, ...env}, timeout: timeoutMs, maxBuffer: 4 << 20});
	return {
		async start() {
			try {
				return (await call('start')).stdout.trim().split('\n').at(-1)!;
			} catch (error) {
				const failure = error as {stderr?: string; message: string};
				throw new Error(`${script} start failed: ${failure.stderr?.trim() || failure.message}`);
			}
		},
		async stop() {
			await call('stop');
		},
		async status() {
			return call('status').then(
				() => true,
				() => false,
			);
		},
		async action(name) {
			await call(name);
		},
		async env() {
			const exports: Record<string, string> = {};
			for (const line of (await call('env')).stdout.split('\n')) {
				const match = /^export (\w+)=(.*)$/.exec(line);
				if (match) exports[match[1]!] = match[2]!;
			}
			return exports;
		},
	};
}

/** Polls `condition` every 100 ms until it holds; throws naming `what` after `deadlineMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 30_000): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}
