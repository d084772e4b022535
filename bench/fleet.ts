/**
 * What watching several engines costs: three private dockerds of the bench's own
 * (scripts/engine.sh, own directories, no Swarm), N idle labelled sleep containers on each.
 * The real `deckhand` in tmux at 200x50, alternately on one engine (`--host e1`) and on all
 * three (`--host e1 --host e2 --host e3`), ROUNDS times each, in the same run. Per run:
 *   - first row per engine: spawn → that engine's containers in the console (one engine: a
 *     bench container row and `● connected`; three: the engine's Engines row saying
 *     `connected 50c`, since only the first engine's rows fit on the screen)
 *   - console CPU over the window (utime + stime of the node process, /proc)
 *   - dockerd CPU over the window, summed over the engines watched, minus the same daemons
 *     idle (measured just before, same length)
 * Run: node --import tsx bench/fleet.ts [N=50] [WINDOW_SECONDS=30] [ROUNDS=2]
 * (`npm run build` first: dist/cli.js is measured.)
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import Docker from 'dockerode';
import {startTmux} from '../test/helpers/tmux.js';
import {deckhandCommand, repoRoot} from '../test/e2e/console-session.js';
import {clockTicks, cpuPercent, cpuTicks, median} from './lib/proc.js';

const count = Number(process.argv[2] ?? 50);
const windowMs = Number(process.argv[3] ?? 30) * 1000;
const rounds = Number(process.argv[4] ?? 2);
const image = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
const run = Math.random().toString(16).slice(2, 8);
const ticksPerSecond = clockTicks();
const exec = promisify(execFile);
// A session file of its own: a remembered panel or order must not change what is measured.
const stateHome = mkdtempSync(join(tmpdir(), 'dh-w14c-bench-state-'));
const engines = [1, 2, 3].map(index => {
	const directory = `/tmp/dh-w14c-bench-e${index}`;
	return {name: `dh-w14c-bench-e${index}`, directory, host: `unix://${directory}/docker.sock`, docker: new Docker({socketPath: `${directory}/docker.sock`})};
});
type Engine = (typeof engines)[number];

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const line = (name: string, value: string) => console.log(`${name.padEnd(30)} ${value}`);
const script = async (engine: Engine, action: string) => exec('bash', ['scripts/engine.sh', action], {cwd: repoRoot, env: {...process.env, DECKHAND_ENGINE_DIR: engine.directory, DECKHAND_NO_SWARM: '1'}, timeout: 240_000});
const daemonPid = (engine: Engine) => Number(readFileSync(`${engine.directory}/dockerd.pid`, 'utf8').trim());
const daemonTicks = (watched: readonly Engine[]) => watched.reduce((sum, engine) => sum + cpuTicks(daemonPid(engine)), 0);

async function createContainers(engine: Engine): Promise<void> {
	for (let index = 0; index < count; index += 10) {
		await Promise.all(Array.from({length: Math.min(10, count - index)}, async (_, offset) => {
			const container = await engine.docker.createContainer({name: `dhtest-fleet-${run}-${String(index + offset).padStart(3, '0')}`, Image: image, Cmd: ['sleep', '3600'], Labels: {'deckhand.test': `fleet-${run}`}, HostConfig: {NetworkMode: 'none'}});
			await container.start();
		}));
	}
}

/** One console run on `watched`; answers its figures. */
async function measure(watched: readonly Engine[]): Promise<{firstRows: number[]; consoleCpu: number; daemonCpu: number}> {
	// The same daemons idle first, over the same length, so the console's share can be told apart.
	const idleBefore = daemonTicks(watched);
	await sleep(windowMs);
	const idleCpu = cpuPercent(idleBefore, daemonTicks(watched), windowMs, ticksPerSecond);
	const args = watched.flatMap(engine => ['--host', engine.host]);
	const began = performance.now();
	const tmux = await startTmux(deckhandCommand(args), {columns: 200, rows: 50, cwd: repoRoot, env: {XDG_CONFIG_HOME: '/nonexistent-deckhand-bench-config', XDG_STATE_HOME: stateHome}});
	try {
		const firstRows: number[] = [];
		const pending = new Set(watched.map((_, index) => index));
		await tmux.waitForScreen(screen => {
			for (const index of pending) {
				// Three engines: only the first engine's rows fit on screen; its Engines row counting them all says the engine's list is in.
				const shown = watched.length === 1 ? screen.includes(`dhtest-fleet-${run}-`) && screen.includes('● connected') : new RegExp(`${watched[index]!.name} connected ${count}c`).test(screen);
				if (shown) {
					firstRows[index] = Math.round(performance.now() - began);
					pending.delete(index);
				}
			}
			return pending.size === 0;
		}, {timeoutMs: 60_000, message: 'not every engine showed its containers'});
		const pid = (await tmux.programPid())!;
		// Let start-up settle (inspects, first stats) before the window.
		await sleep(3000);
		const consoleBefore = cpuTicks(pid);
		const daemonBefore = daemonTicks(watched);
		await sleep(windowMs);
		const consoleCpu = cpuPercent(consoleBefore, cpuTicks(pid), windowMs, ticksPerSecond);
		const daemonCpu = cpuPercent(daemonBefore, daemonTicks(watched), windowMs, ticksPerSecond) - idleCpu;
		return {firstRows, consoleCpu, daemonCpu};
	} finally {
		await tmux.sendKeys('q').catch(() => undefined);
		await tmux.kill();
	}
}

async function main(): Promise<void> {
	try {
		for (const engine of engines) await script(engine, 'start');
		for (const engine of engines) await createContainers(engine);
		line('containers per engine', String(count));
		const one: Array<Awaited<ReturnType<typeof measure>>> = [];
		const three: Array<Awaited<ReturnType<typeof measure>>> = [];
		for (let round = 0; round < rounds; round++) {
			one.push(await measure(engines.slice(0, 1)));
			three.push(await measure(engines));
		}
		const fixed = (value: number) => value.toFixed(1);
		for (const [label, runs] of [['1 engine', one], ['3 engines', three]] as const) {
			line(`${label}: first row per engine`, runs.map(result => result.firstRows.map(ms => `${ms} ms`).join(' / ')).join('; '));
			line(`${label}: console CPU %`, `${runs.map(result => fixed(result.consoleCpu)).join(', ')} (median ${fixed(median(runs.map(result => result.consoleCpu)))})`);
			line(`${label}: dockerd CPU % added`, `${runs.map(result => fixed(result.daemonCpu)).join(', ')} (median ${fixed(median(runs.map(result => result.daemonCpu)))})`);
		}
		const ratio = median(three.map(result => result.consoleCpu)) / Math.max(0.01, median(one.map(result => result.consoleCpu)));
		line('console CPU, 3 engines / 1', `${ratio.toFixed(2)}x (goal: at most 3x)`);
		line('load average', readFileSync('/proc/loadavg', 'utf8').trim());
	} finally {
		rmSync(stateHome, {recursive: true, force: true});
		for (const engine of engines) {
			// Containers first: a daemon stopping with 50 running ones may outlast the script's wait
			// and be killed, leaving its shims and mounts behind.
			const list = await engine.docker.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=fleet-${run}`]})}).catch(() => []);
			for (let index = 0; index < list.length; index += 10) await Promise.all(list.slice(index, index + 10).map(async entry => engine.docker.getContainer(entry.Id).remove({force: true}).catch(() => undefined)));
			await script(engine, 'stop').catch(() => undefined);
			try {
				rmSync(engine.directory, {recursive: true, force: true});
			} catch (error) {
				console.error(`could not remove ${engine.directory}: ${(error as Error).message}`);
			}
		}
	}
}

await main();
