/**
 * The signals Docker accepts for `kill`, `stop_signal` and reload (moby's Linux signal map):
 * names with or without `SIG`, `RTMIN+n`/`RTMAX-n`, or Linux numbers (1–31, 34–64). Pure.
 */

/** Linux signal numbers 1–31 by name, as Docker maps them. */
const numbered = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

const names = [
	'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL',
	'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1',
	'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ',
] as const;

const known = new Set<string>(names);

/**
 * The signal's name as Docker accepts it (`SIGHUP`, `SIGRTMIN+3`) for what a user wrote
 * (`hup`, `SIGHUP`, `1`), or undefined when Docker would refuse it.
 */
export function normaliseSignal(input: string): string | undefined {
	const text = input.trim().toUpperCase();
	if (/^\d{1,3}$/.test(text)) {
		const number = Number(text);
		if (number >= 1 && number <= 31) return `SIG${numbered[number - 1]}`;
		if (number >= 34 && number <= 49) return number === 34 ? 'SIGRTMIN' : `SIGRTMIN+${number - 34}`;
		if (number >= 50 && number <= 64) return number === 64 ? 'SIGRTMAX' : `SIGRTMAX-${64 - number}`;
		return undefined;
	}
	const name = text.startsWith('SIG') ? text.slice(3) : text;
	if (known.has(name)) return `SIG${name}`;
	const realtime = /^RT(MIN|MAX)(?:([+-])(\d{1,2}))?$/.exec(name);
	if (!realtime) return undefined;
	const offset = realtime[3] === undefined ? 0 : Number(realtime[3]);
	if (offset > 15 || (realtime[1] === 'MIN' && realtime[2] === '-') || (realtime[1] === 'MAX' && realtime[2] === '+')) return undefined;
	return `SIG${name}`;
}

/** A one-line reason for a refused signal, for `--signal` and `stop_signal`. */
export function signalProblem(input: string): string {
	return `unknown signal "${input}" (use a name like SIGHUP, SIGUSR1, SIGTERM, or a Linux signal number)`;
}
