/**
 * Drives a terminal program the way a person does: runs it in a detached tmux session of a
 * given size (CI unset, so Ink renders interactively), types keys, reads the screen, and
 * waits for the screen to show something by polling capture-pane (never a fixed sleep).
 */
import {execFileSync, execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** What a screen check receives: the visible lines joined by newlines. */
export type ScreenPredicate = RegExp | ((screen: string) => boolean);

/** Options for `startTmux`. */
export type TmuxOptions = {
	readonly columns: number;
	readonly rows: number;
	/** Extra environment for the program (CI is always unset). */
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
	/** Count the bytes the program writes to its terminal (tmux pipe-pane to a file). */
	readonly countBytes?: boolean;
};

/** A running tmux session with one pane. */
export type TmuxSession = {
	readonly name: string;
	/** The file that receives every byte written to the pane (with `countBytes`). */
	readonly byteFile: string;
	/** Sends keys as tmux key names (`Enter`, `Escape`, `C-c`) or, with `literal`, as text. */
	sendKeys(keys: string | readonly string[], options?: {literal?: boolean}): Promise<void>;
	/** The visible screen now, one string. */
	capture(): Promise<string>;
	/** The visible screen with its colours and attributes as SGR escapes (capture-pane -e). */
	captureStyled(): Promise<string>;
	/** Polls the screen every ~50 ms until `predicate` holds (default deadline 10 s); returns that screen or throws with the last one. */
	waitForScreen(predicate: ScreenPredicate, options?: {timeoutMs?: number; message?: string}): Promise<string>;
	/** A tmux format about the pane (`#{alternate_on}`, `#{cursor_flag}`, `#{pane_pid}`). */
	display(format: string): Promise<string>;
	/** Bytes written to the pane so far (needs `countBytes`). */
	bytesWritten(): number;
	/** The program's exit status once it has exited (the pane's shell stays and prints it), else undefined. */
	exitCode(): Promise<number | undefined>;
	/** The program's process id while it runs. */
	programPid(): Promise<number | undefined>;
	/** Resizes the terminal, as a person dragging the window does (the program gets SIGWINCH). */
	resize(columns: number, rows: number): Promise<void>;
	/** Kills the session and removes its files. */
	kill(): Promise<void>;
};

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/** True when tmux is installed. */
export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/** Starts `command` (argv) in a new detached tmux session of the given size. */
export async function startTmux(command: readonly string[], options: TmuxOptions): Promise<TmuxSession> {
	const name = `dhtest-${process.pid}-${randomBytes(3).toString('hex')}`;
	const directory = mkdtempSync(join(tmpdir(), 'deckhand-tmux-'));
	const byteFile = join(directory, 'pty-bytes');
	const envArguments = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${quote(value)}`);
	const line = ['env', '-u', 'CI', ...envArguments, ...command.map(quote)].join(' ');
	// A private server socket per session: tests never see (or disturb) a person's tmux.
	const socket = join(directory, 'tmux.sock');
	const tmux = (...args: string[]) => run('tmux', ['-S', socket, ...args], {cwd: options.cwd});
	// The program waits for a go signal, so the pane is set up (byte counting) before it
	// writes its first byte. After it exits the shell prints its exit status and stays, so
	// the terminal state the program left behind (cursor, alternate screen) can be read.
	const go = `${name}-go`;
	const script = `tmux -S ${quote(socket)} wait-for ${go}; ${line}; echo "[exited $?]"; exec sleep 86400`;
	await tmux('-f', '/dev/null', 'new-session', '-d', '-s', name, '-x', String(options.columns), '-y', String(options.rows), ...(options.cwd ? ['-c', options.cwd] : []), 'sh', '-c', script);
	await tmux('set-option', '-t', name, 'status', 'off');
	if (options.countBytes) await tmux('pipe-pane', '-t', name, '-o', `cat >> ${quote(byteFile)}`);
	await tmux('wait-for', '-S', go);
	const capture = async () => (await tmux('capture-pane', '-t', name, '-p')).stdout;
	const session: TmuxSession = {
		name,
		byteFile,
		async sendKeys(keys, sendOptions = {}) {
			const list = typeof keys === 'string' ? [keys] : [...keys];
			await tmux('send-keys', '-t', name, ...(sendOptions.literal ? ['-l'] : []), '--', ...list);
		},
		capture,
		captureStyled: async () => (await tmux('capture-pane', '-t', name, '-p', '-e')).stdout,
		async waitForScreen(predicate, waitOptions = {}) {
			const timeoutMs = waitOptions.timeoutMs ?? 10_000;
			const deadline = Date.now() + timeoutMs;
			const holds = (screen: string) => (typeof predicate === 'function' ? predicate(screen) : predicate.test(screen));
			let screen = '';
			for (;;) {
				screen = await capture().catch(() => screen);
				if (holds(screen)) return screen;
				if (Date.now() > deadline) {
					throw new Error(`${waitOptions.message ?? `screen did not show ${String(predicate)}`} within ${timeoutMs} ms; last screen:\n${screen}`);
				}
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
		async display(format) {
			return (await tmux('display-message', '-p', '-t', name, format)).stdout.trim();
		},
		bytesWritten: () => (existsSync(byteFile) ? statSync(byteFile).size : 0),
		async exitCode() {
			const match = /\[exited (\d+)\]/.exec(await capture());
			return match ? Number(match[1]) : undefined;
		},
		async programPid() {
			// The pane's shell runs the program as its only child (env execs it).
			const shell = await session.display('#{pane_pid}');
			const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
			return children.length > 0 ? Number(children[0]) : undefined;
		},
		async resize(columns, rows) {
			await tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows));
		},
		async kill() {
			await tmux('kill-server').catch(() => undefined);
			rmSync(directory, {recursive: true, force: true});
		},
	};
	return session;
}
