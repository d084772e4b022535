/**
 * What stats sampling costs the daemon: CPU time (utime + stime from /proc/<pid>/stat) of the
 * private dockerd over a window while N idle containers are sampled at 1 Hz
 *   - not at all (baseline; other users of the engine show up here),
 *   - through one API stats stream per container,
 *   - by reading their cgroup files,
 * plus deckhand's own CPU for each. One line per figure.
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock node --import tsx bench/stats.ts
 * (BENCH_CONTAINERS=20, BENCH_SECONDS=20, BENCH_ROUNDS=1, DECKHAND_ENGINE_DIR=/tmp/deckhand-engine).
 * The shared engine's CPU includes whatever else uses it; BENCH_OWN_ENGINE=/tmp/deckhand-engine-bench
 * starts (and afterwards stops) a throwaway engine there so only this bench loads it.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {createConnection} from '../source/docker/client.js';
import {createApiStatsSampler} from '../source/engine/stats/api-sampler.js';
import {createCgroupStatsSampler} from '../source/engine/stats/cgroup-sampler.js';
import {createStatsHub} from '../source/engine/stats/hub.js';
import type {StatsSampler} from '../source/engine/stats/types.js';
import {dockerPorts} from '../source/docker/ports.js';

const image = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
const count = Number(process.env.BENCH_CONTAINERS ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const ownEngine = process.env.BENCH_OWN_ENGINE;
const engineDir = ownEngine ?? process.env.DECKHAND_ENGINE_DIR ?? '/tmp/deckhand-engine';
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const engineScript = (action: 'start' | 'stop') =>
	execFileSync('bash', [new URL('../scripts/engine.sh', import.meta.url).pathname, action], {env: {...process.env, DECKHAND_ENGINE_DIR: engineDir, DECKHAND_NO_SWARM: '1'}, stdio: ['ignore', 'pipe', 'inherit']}).toString().trim();
if (ownEngine) process.env.DOCKER_HOST = engineScript('start');
const ticksPerSecond = 100;

const daemonPid = Number(readFileSync(path.join(engineDir, 'dockerd.pid'), 'utf8').trim());

/** utime + stime of a process, in seconds (fields 14 and 15, counted after the `(comm)`). */
function processCpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Runs `during` for the window and returns daemon and own CPU as % of one core. */
async function measure(label: string, sampler: StatsSampler | undefined, ids: string[]) {
	const hub = sampler ? createStatsHub({sampler}) : undefined;
	let figures = 0;
	const stop = hub?.subscribe(ids, update => (figures += update.stats.size));
	await sleep(3000); // let streams open and the first readings land before the window
	figures = 0;
	const daemonBefore = processCpuSeconds(daemonPid);
	const selfBefore = process.cpuUsage();
	const started = performance.now();
	await sleep(seconds * 1000);
	const elapsed = (performance.now() - started) / 1000;
	const daemon = ((processCpuSeconds(daemonPid) - daemonBefore) / elapsed) * 100;
	const self = process.cpuUsage(selfBefore);
	const own = ((self.user + self.system) / 1e6 / elapsed) * 100;
	stop?.();
	hub?.close();
	console.log(`dockerd CPU, ${label}, ${ids.length} idle containers, ${elapsed.toFixed(0)} s: ${daemon.toFixed(2)}% of one core`);
	if (sampler) console.log(`deckhand CPU, ${label}: ${own.toFixed(2)}% of one core (${figures} figures delivered)`);
	return daemon;
}

const {docker} = createConnection();
const ports = dockerPorts(docker);
const ids: string[] = [];
try {
	for (let index = 0; index < count; index++) {
		const container = await docker.createContainer({
			name: `dhbench-stats-${process.pid}-${index}`,
			Image: image,
			Cmd: ['sleep', '3600'],
			Labels: {'deckhand.bench': 'stats'},
			HostConfig: {NetworkMode: 'none'},
		});
		await container.start();
		ids.push(container.id);
	}
	const api = createApiStatsSampler(ports);
	for (let round = 1; round <= rounds; round++) {
		const baseline = await measure('no sampling (baseline)', undefined, ids);
		const viaApi = await measure('API stats streams', api, ids);
		const viaCgroup = await measure('cgroup reads', createCgroupStatsSampler(ports, {fallback: api}), ids);
		console.log(`dockerd CPU above baseline (round ${round}): API ${(viaApi - baseline).toFixed(2)}% vs cgroup ${(viaCgroup - baseline).toFixed(2)}% of one core`);
	}
} finally {
	await Promise.all(ids.map(async id => docker.getContainer(id).remove({force: true}).catch(() => undefined)));
	if (ownEngine) engineScript('stop');
}
