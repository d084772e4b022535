/**
 * Following a chatty container, deckhand beside lazydocker in one run: 30 labelled busybox
 * containers, 3 of them writing ~2,000 lines/s; each console in tmux at 200x50 selects the
 * first chatty one and follows its logs for a bounded window. Over the window:
 *   - console CPU (% of a core) and bytes written to the terminal
 *   - key latency: every ~2.5 s a key whose effect is visible (deckhand: `t` toggles
 *     timestamps in the Logs tab; lazydocker: `x` opens its menu, escape closes it), timed
 *     from send-keys until capture-pane (polled every ~5 ms) shows the effect; p50/p95/max
 *   - RSS when the window starts and ends, and the peak (VmHWM)
 * Consoles alternate when ROUNDS > 1. lazydocker only when LAZYDOCKER names its binary;
 * DECKHAND_BASELINE=path/to/cli.js adds an earlier build; DECKHAND_NODE_FLAGS="--cpu-prof
 * --cpu-prof-dir=DIR" runs deckhand under node's profiler (it quits with `q` at the end, so
 * the profile is written).
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock [LAZYDOCKER=/work/peers/lazydocker] \
 *      node --import tsx bench/chatty-logs.ts [WINDOW_SECONDS=60] [ROUNDS=1]
 */
import {statSync} from 'node:fs';
import {benchRun, sleep} from './lib/bench-run.js';
import {startTmux, type TmuxSession} from '../test/helpers/tmux.js';
import {repoRoot} from '../test/e2e/console-session.js';
import {programsFromEnv, type Program} from './lib/programs.js';
import {clockTicks, cpuPercent, cpuTicks, currentRss, peakRss, percentile} from './lib/proc.js';
import {createWorkload, removeWorkload, workloadName} from './lib/workload.js';

const windowMs = Number(process.argv[2] ?? 60) * 1000;
const rounds = Number(process.argv[3] ?? 1);
const keyEveryMs = 2500;
const {host, prefix, label, docker} = benchRun();
const ticksPerSecond = clockTicks();
const mib = (bytes: number | undefined) => `${((bytes ?? Number.NaN) / 1024 / 1024).toFixed(0)} MiB`;

/** Sends the probe key and polls the pane until its effect shows; ms (or Infinity after 5 s). */
async function keyLatency(tmux: TmuxSession, program: Program, on: boolean): Promise<number> {
	const sent = performance.now();
	await tmux.sendKeys(program.probe.key(on));
	for (;;) {
		if (program.probe.shows(await tmux.capture(), on)) return performance.now() - sent;
		if (performance.now() - sent > 5000) return Number.POSITIVE_INFINITY;
		await sleep(5);
	}
}

async function measure(program: Program, target: string): Promise<void> {
	const tmux = await startTmux(program.command, {columns: 200, rows: 50, cwd: repoRoot, countBytes: true, env: program.env});
	try {
		await tmux.waitForScreen(screen => screen.includes(prefix.slice(0, 16)), {timeoutMs: 30_000, message: `${program.name} showed no bench container`});
		const pid = await tmux.programPid();
		if (!pid) throw new Error(`${program.name}: no process`);
		await program.openLogs(tmux, target);
		await sleep(3000);
		const rssStart = currentRss(pid);
		const before = {ticks: cpuTicks(pid), bytes: statSync(tmux.byteFile).size, at: performance.now()};
		const latencies: number[] = [];
		for (let on = true; performance.now() - before.at < windowMs - keyEveryMs; on = !on) {
			const started = performance.now();
			latencies.push(await keyLatency(tmux, program, on));
			await sleep(Math.max(0, keyEveryMs - (performance.now() - started)));
		}
		await sleep(Math.max(0, windowMs - (performance.now() - before.at)));
		const elapsed = performance.now() - before.at;
		const cpu = cpuPercent(before.ticks, cpuTicks(pid), elapsed, ticksPerSecond);
		const bytesPerSecond = (statSync(tmux.byteFile).size - before.bytes) / (elapsed / 1000);
		const late = latencies.filter(ms => !Number.isFinite(ms)).length;
		console.log(
			`| ${program.name} | ${cpu.toFixed(1)} % | ${percentile(latencies, 50).toFixed(0)} ms | ${percentile(latencies, 95).toFixed(0)} ms | ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} keys${late ? `, ${late} not shown in 5 s` : ''}) | ${mib(rssStart)} → ${mib(currentRss(pid))} (peak ${mib(peakRss(pid))}) | ${(bytesPerSecond / 1024).toFixed(0)} KiB/s |`,
		);
		if (program.quitKeys && program.quitAtEnd) {
			await tmux.sendKeys([...program.quitKeys]);
			await tmux.waitForScreen(screen => /\[exited \d+\]/.test(screen), {timeoutMs: 20_000, message: `${program.name} did not quit`});
		}
	} finally {
		await tmux.kill();
	}
}

async function main(): Promise<void> {
	const programs = programsFromEnv(host);
	console.log(`chatty-logs bench: 30 containers, 3 writing ~2,000 lines/s, ${windowMs / 1000} s window following one, ${rounds} round(s), tmux 200x50, ${host}`);
	try {
		await createWorkload(docker, {prefix, label, count: 30, chatty: 3});
		const target = workloadName(prefix, 0, true);
		// The chatty containers build up some history first, as real ones would have.
		await sleep(5000);
		console.log('| console | CPU | key p50 | key p95 | key max | RSS start → end | terminal |');
		console.log('| --- | --- | --- | --- | --- | --- | --- |');
		for (let round = 0; round < rounds; round++) {
			for (const program of round % 2 === 0 ? programs : [...programs].reverse()) {
				await measure(program, target);
				await sleep(2000);
			}
		}
	} finally {
		await removeWorkload(docker, label);
	}
}

await main();
