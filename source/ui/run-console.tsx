/**
 * The console's entry as cli.tsx calls it. Ink decides once, when it is first imported,
 * whether it runs "in CI" (then it prints only the last frame, at exit). On a terminal the
 * console is interactive whatever CI says, so that is settled before Ink loads.
 */

import type {EarlyList} from '../docker/early-list.js';
import type {FirstLook} from './first-look-paint.js';

/** Options the console is started with (from cli.tsx). */
export type ConsoleOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly theme?: string;
	readonly readOnly: boolean;
	/** Several engines (--host/--context repeated), in the order given; overrides host and context. */
	readonly engines?: ReadonlyArray<{readonly name: string; readonly host?: string; readonly context?: string}>;
	/** The container list cli.tsx asked for at once (early-list.ts), when the endpoint allowed. */
	readonly earlyList?: Promise<EarlyList | undefined>;
	/** The rows painted from that list while the console loaded (cli.tsx): handed over when the console draws. */
	readonly firstLook?: FirstLook;
};

/**
 * Runs `load` with `globalThis.fetch` hidden. Yoga, Ink's layout engine, decodes its inlined
 * WebAssembly through fetch() of a data: URL whenever fetch exists; in Node 20 the first use
 * of fetch loads undici, ~60 ms of start-up here. Without fetch it decodes the same bytes
 * directly. Only Ink's loading sees this.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}

/** Renders the console until the user quits; returns the exit code. */
export async function runConsole(options: ConsoleOptions): Promise<number> {
	if (process.stdout.isTTY && process.stdin.isTTY && process.env.CI !== undefined) process.env.CI = 'false';
	// React's development build checks and warns on every render: several times the CPU.
	process.env.NODE_ENV ??= 'production';
	// Small heap growth steps: see heap-limits.ts.
	await import('./heap-limits.js');
	const {startConsole} = await withoutFetch(async () => import('./console-main.js'));
	const code = await startConsole(options);
	// The terminal is restored by now. A Docker stream still closing must not keep a person
	// waiting at a frozen prompt: leave within half a second whatever is still open (the
	// timer is unref'd, so a clean exit is not delayed by it).
	setTimeout(() => process.exit(), 500).unref();
	return code;
}
