/**
 * First impression and steady state, deckhand beside lazydocker in one run: N labelled
 * busybox containers printing a line a second (every third with a healthcheck), each
 * console started in tmux at 200x50, interleaved (the order flips every round). Per N and
 * console, the median over rounds of:
 *   - first row: the go signal that starts the process → the first of the bench's
 *     container names in the pane (capture-pane polled every ~10 ms)
 *   - whole console: → the console itself drawn with that row (deckhand: its key-hint line
 *     and the engine connected, after the first look; lazydocker's first row is already that)
 *   - peak RSS (VmHWM) at the end of the window
 *   - CPU of the console, bytes written to the terminal, and dockerd's CPU over the window
 *     minus its idle CPU measured before (with the containers running, no console)
 * lazydocker is measured only when LAZYDOCKER names its binary (a measuring peer only).
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock [LAZYDOCKER=/work/peers/lazydocker] \
 *      node --import tsx bench/first-row.ts [COUNTS=10,50,150] [ROUNDS=3] [WINDOW_SECONDS=20]
 */
import {statSync} from 'node:fs';
import {benchRun, sleep} from './lib/bench-run.js';
import {startTmux} from '../test/helpers/tmux.js';
import {repoRoot} from '../test/e2e/console-session.js';
import {programsFromEnv, type Program} from './lib/programs.js';
import {clockTicks, cpuPercent, cpuTicks, daemonCpuOver, daemonPid, median, peakRss} from './lib/proc.js';
import {createWorkload, removeWorkload} from './lib/workload.js';

const counts = (process.argv[2] ?? '10,50,150').split(',').map(Number);
const rounds = Number(process.argv[3] ?? 3);
const windowMs = Number(process.argv[4] ?? 20) * 1000;
const {host, prefix, label, docker} = benchRun();
const ticksPerSecond = clockTicks();

type Figures = {firstRowMs: number; consoleMs: number; rssBytes: number; cpu: number; bytesPerSecond: number; daemonCpu: number};

async function measure(program: Program): Promise<Figures> {
	const tmux = await startTmux(program.command, {columns: 200, rows: 50, cwd: repoRoot, countBytes: true, env: program.env});
	// startTmux's last step is the go signal: the program starts now.
	const spawned = performance.now();
	try {
		for (;;) {
			// The list column may cut a long name with `…`: the run's first 4 hex digits suffice.
			if ((await tmux.capture()).includes(prefix.slice(0, 'dhtest-bench-'.length + 4))) break;
			if (performance.now() - spawned > 30_000) throw new Error(`${program.name}: no container row within 30 s:\n${await tmux.capture()}`);
			await sleep(10);
		}
		const firstRowMs = performance.now() - spawned;
		// deckhand's first look is its left column only; the console proper has its key hints and the engine connected.
		const whole = (screen: string) => !program.name.startsWith('deckhand') || (screen.includes('? help') && screen.includes('● connected'));
		while (!whole(await tmux.capture())) {
			if (performance.now() - spawned > 30_000) throw new Error(`${program.name}: the console never drew within 30 s:\n${await tmux.capture()}`);
			await sleep(10);
		}
		const consoleMs = performance.now() - spawned;
		const pid = await tmux.programPid();
		if (!pid) throw new Error(`${program.name}: no process`);
		// Let the start-up burst pass before the steady-state window.
		await sleep(3000);
		const daemon = daemonPid();
		const before = {ticks: cpuTicks(pid), bytes: statSync(tmux.byteFile).size, daemon: daemon ? cpuTicks(daemon) : 0, at: performance.now()};
		await sleep(windowMs);
		const elapsed = performance.now() - before.at;
		return {
			firstRowMs,
			consoleMs,
			rssBytes: peakRss(pid) ?? Number.NaN,
			cpu: cpuPercent(before.ticks, cpuTicks(pid), elapsed, ticksPerSecond),
			bytesPerSecond: (statSync(tmux.byteFile).size - before.bytes) / (elapsed / 1000),
			daemonCpu: daemon ? cpuPercent(before.daemon, cpuTicks(daemon), elapsed, ticksPerSecond) : Number.NaN,
		};
	} finally {
		await tmux.kill();
	}
}

async function main(): Promise<void> {
	const programs = programsFromEnv(host);
	console.log(`first-row bench: N=${counts.join(',')}, ${rounds} rounds, ${windowMs / 1000} s window, tmux 200x50, ${programs.map(program => program.name).join(' vs ')}, ${host}`);
	console.log('| N | console | first container row | whole console | peak RSS | CPU | terminal bytes | dockerd added |');
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	let created = 0;
	try {
		for (const count of counts) {
			await createWorkload(docker, {prefix, label, count, from: created});
			created = count;
			await sleep(5000);
			const idle = await daemonCpuOver(10_000, ticksPerSecond);
			const results = new Map<string, Figures[]>(programs.map(program => [program.name, []]));
			for (let round = 0; round < rounds; round++) {
				const order = round % 2 === 0 ? programs : [...programs].reverse();
				for (const program of order) {
					results.get(program.name)!.push(await measure(program));
					await sleep(2000);
				}
			}
			for (const program of programs) {
				const list = results.get(program.name)!;
				const pick = (field: keyof Figures) => median(list.map(figures => figures[field]));
				console.log(
					`| ${count} | ${program.name} | ${(pick('firstRowMs') / 1000).toFixed(2)} s (${list.map(figures => (figures.firstRowMs / 1000).toFixed(2)).join(', ')}) | ${(pick('consoleMs') / 1000).toFixed(2)} s | ${(pick('rssBytes') / 1024 / 1024).toFixed(0)} MiB | ${pick('cpu').toFixed(1)} % | ${(pick('bytesPerSecond') / 1024).toFixed(1)} KiB/s | ${(pick('daemonCpu') - idle).toFixed(1)} (idle ${idle.toFixed(1)} %) |`,
				);
			}
		}
	} finally {
		await removeWorkload(docker, label);
	}
}

await main();
