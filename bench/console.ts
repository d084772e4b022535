/**
 * What the console costs while an operator watches N containers: the real `deckhand` in tmux
 * at 200x50 on the private engine with N labelled sleep containers (NetworkMode none).
 * Prints one line per figure:
 *   - first paint: spawn → first screen showing the Services panel
 *   - first data: spawn → connected, with the bench's containers on screen
 *   - console CPU over the window (utime + stime of the node process, /proc)
 *   - bytes written to the terminal per second over the window (tmux pipe-pane)
 *   - peak RSS (VmHWM)
 *   - death visible: Docker's `die` event → the row shows exited (median of a few kills)
 *   - daemon CPU: idle (before the console) vs during the window, and the difference
 * The daemon is shared with whatever else runs on the engine: its figures include that.
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock node --import tsx bench/console.ts [N=150] [WINDOW_SECONDS=60]
 * (scripts/test.sh or `npm run build` first: the built dist/cli.js is measured when present.)
 */
import {statSync} from 'node:fs';
import {benchRun, sleep} from './lib/bench-run.js';
import {startTmux, type TmuxSession} from '../test/helpers/tmux.js';
import {deckhandCommand, repoRoot} from '../test/e2e/console-session.js';
import {clockTicks, cpuPercent, cpuTicks, daemonCpuOver, daemonPid, median, peakRss} from './lib/proc.js';

const count = Number(process.argv[2] ?? 150);
const windowMs = Number(process.argv[3] ?? 60) * 1000;
const kills = Number(process.env.BENCH_KILLS ?? 5);
const image = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
const {host, prefix, label, docker} = benchRun();
const labels = {'deckhand.test': label};
const ticksPerSecond = clockTicks();

const line = (name: string, value: string) => console.log(`${name.padEnd(22)} ${value}`);

async function createContainers(): Promise<string[]> {
	const names = Array.from({length: count}, (_, index) => `${prefix}-${String(index).padStart(3, '0')}`);
	for (let index = 0; index < names.length; index += 10) {
		await Promise.all(names.slice(index, index + 10).map(async name => {
			const container = await docker.createContainer({name, Image: image, Cmd: ['sleep', '3600'], Labels: labels, HostConfig: {NetworkMode: 'none'}});
			await container.start();
		}));
	}
	return names;
}

async function removeContainers(): Promise<void> {
	const list = await docker.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=${label}`]})});
	for (let index = 0; index < list.length; index += 10) {
		await Promise.all(list.slice(index, index + 10).map(async entry => docker.getContainer(entry.Id).remove({force: true}).catch(() => undefined)));
	}
}

/** Filters the Containers panel to `text` (the `/` line opens with the old filter: erase it). */
async function filterTo(tmux: TmuxSession, previous: string, text: string): Promise<void> {
	await tmux.sendKeys('/');
	if (previous) await tmux.sendKeys(Array.from({length: previous.length}, () => 'BSpace'));
	await tmux.sendKeys(text, {literal: true});
	await tmux.sendKeys('Enter');
}

/** Kills one container at a time; ms from its `die` event arriving here to its row showing exited. */
async function deathLatencies(tmux: TmuxSession, names: readonly string[]): Promise<number[]> {
	const results: number[] = [];
	let filter = '';
	await tmux.sendKeys('3');
	for (const name of names.slice(0, kills)) {
		await filterTo(tmux, filter, name);
		filter = name;
		const row = (screen: string, glyph: string) => screen.split('\n').some(text => text.split('│')[0]!.includes(`${glyph} ${name.slice(0, 18)}`));
		await tmux.waitForScreen(screen => row(screen, '○'), {timeoutMs: 20_000, message: `${name} not on screen`});
		const events = (await docker.getEvents({filters: JSON.stringify({container: [name], event: ['die']})})) as NodeJS.ReadableStream & {destroy(): void};
		const died = new Promise<number>(resolve => events.once('data', () => resolve(performance.now())));
		await docker.getContainer(name).kill();
		const eventAt = await died;
		events.destroy();
		// Tight polling: capture-pane every few ms, so the figure is the console's, not the poll's.
		for (;;) {
			if (row(await tmux.capture(), '■')) break;
			if (performance.now() - eventAt > 20_000) throw new Error(`${name}: death not shown within 20 s`);
			await sleep(5);
		}
		results.push(performance.now() - eventAt);
	}
	return results;
}

async function main(): Promise<void> {
	console.log(`console bench: ${count} containers, ${windowMs / 1000} s window, tmux 200x50, ${host}`);
	const names = await createContainers();
	let tmux: TmuxSession | undefined;
	try {
		const idleDaemon = await daemonCpuOver(10_000, ticksPerSecond);
		tmux = await startTmux(deckhandCommand(), {columns: 200, rows: 50, cwd: repoRoot, countBytes: true, env: {DOCKER_HOST: host, XDG_CONFIG_HOME: '/nonexistent-deckhand-bench-config'}});
		// startTmux's last step is the go signal that starts the program (setting up the
		// session and byte counting before it is not the console's time).
		const spawned = performance.now();
		await tmux.waitForScreen(/Services/, {timeoutMs: 30_000});
		const firstPaint = performance.now() - spawned;
		const pid = await tmux.programPid();
		if (!pid) throw new Error('no console process');
		await tmux.waitForScreen(screen => screen.includes('● connected') && screen.includes(prefix.slice(0, 16)), {timeoutMs: 30_000});
		const firstData = performance.now() - spawned;
		// Let the start-up burst (first lists, first stats round) pass before measuring.
		await sleep(3000);

		// Others using the same engine during the window show up here: their events make the console re-list.
		let otherEvents = 0;
		const eventStream = (await docker.getEvents({})) as NodeJS.ReadableStream & {destroy(): void};
		eventStream.on('data', (chunk: Buffer) => void (otherEvents += chunk.toString('utf8').split('\n').filter(Boolean).length));
		const daemon = daemonPid();
		const before = {ticks: cpuTicks(pid), bytes: statSync(tmux.byteFile).size, daemon: daemon ? cpuTicks(daemon) : 0, at: performance.now()};
		await sleep(windowMs);
		const elapsed = performance.now() - before.at;
		const consoleCpu = cpuPercent(before.ticks, cpuTicks(pid), elapsed, ticksPerSecond);
		const bytesPerSecond = (statSync(tmux.byteFile).size - before.bytes) / (elapsed / 1000);
		const windowDaemon = daemon ? cpuPercent(before.daemon, cpuTicks(daemon), elapsed, ticksPerSecond) : Number.NaN;
		eventStream.destroy();

		const windowPeak = peakRss(pid) ?? Number.NaN;
		const latencies = await deathLatencies(tmux, names);
		const rss = peakRss(pid) ?? Number.NaN;

		line('first paint', `${(firstPaint / 1000).toFixed(2)} s`);
		line('first data', `${(firstData / 1000).toFixed(2)} s (connected, the containers listed)`);
		line('console cpu', `${consoleCpu.toFixed(1)} % of a core`);
		line('to the terminal', `${(bytesPerSecond / 1024).toFixed(2)} KiB/s`);
		line('peak rss', `${(rss / 1024 / 1024).toFixed(1)} MiB (${(windowPeak / 1024 / 1024).toFixed(1)} MiB before the kills)`);
		line('death visible', `median ${median(latencies).toFixed(0)} ms (${latencies.map(ms => ms.toFixed(0)).join(', ')})`);
		line('engine events', `${otherEvents} during the window (not the bench's: other users of the engine)`);
		line('daemon cpu', `idle ${idleDaemon.toFixed(1)} %, with console ${windowDaemon.toFixed(1)} %, added ${(windowDaemon - idleDaemon).toFixed(1)} points`);
		await tmux.sendKeys('q');
		await tmux.waitForScreen(/\[exited 0\]/, {timeoutMs: 10_000}).catch(() => undefined);
	} finally {
		await tmux?.kill();
		await removeContainers();
	}
}

await main();
