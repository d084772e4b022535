/**
 * `up` speed on the private engine: a 10-service diamond-and-chain stack whose healthchecks
 * turn healthy after known delays. Reports
 *   - wall time ÷ critical path (sum of delays on the longest chain; and, separately, the
 *     longest chain of measured step durations, which includes the engine's create/start cost),
 *   - readiness detection lag after Docker's health_status event (median, p95),
 *   - the same stack started strictly in sequence,
 *   - docker-compose 1.29 (`up -d`, the measuring peer, installed with apt when missing) on the
 *     same compose file in the same rounds: its wall time, and deckhand's beside it.
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock node --import tsx bench/up.ts
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createConnection} from '../source/docker/client.js';
import {downProject} from '../source/engine/actions/compose/down.js';
import {upProject} from '../source/engine/actions/compose/up.js';
import {loadCompose} from '../source/engine/compose/load.js';
import type {ComposeProject, LoadedCompose} from '../source/engine/compose/types.js';
import {criticalPath, planStartup} from '../source/engine/plan/graph.js';
import {dockerPorts} from '../source/docker/ports.js';
import {execa} from 'execa';
import {ensureDockerCompose, removeComposeProject} from './lib/compose-peer.js';

const image = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** Multiplies every delay: 1 = sub-second services, 4 = services that take seconds to start, like real databases. */
const scale = Number(process.env.BENCH_SCALE ?? 1);

/** service → [delay ms, dependencies (healthy)]. */
const baseGraph: Record<string, [number, string[]]> = {
	base: [1000, []],
	a1: [500, ['base']],
	a2: [500, ['a1']],
	a3: [500, ['a2']],
	b1: [1000, ['base']],
	b2: [1000, ['b1']],
	c: [300, ['base']],
	join: [200, ['a3', 'b2', 'c']],
	top: [200, ['join']],
	solo: [2000, []],
};
const graph = Object.fromEntries(Object.entries(baseGraph).map(([name, [delay, deps]]) => [name, [delay * scale, deps]])) as typeof baseGraph;

function stack(name: string, sequential: boolean): LoadedCompose {
	const services: Record<string, unknown> = {};
	const order = Object.keys(graph);
	for (const [index, [service, [delay, deps]]] of Object.entries(graph).entries()) {
		// Strictly sequential: each service waits for the previous one, as hand-written scripts do.
		const dependsOn = sequential ? (index > 0 ? [order[index - 1]!] : []) : deps;
		services[service] = {
			image,
			network_mode: 'none',
			stop_signal: 'SIGKILL',
			command: ['sh', '-c', `sleep ${delay / 1000}; touch /tmp/ok; exec sleep 3600`],
			healthcheck: {test: ['CMD', 'test', '-f', '/tmp/ok'], interval: process.env.BENCH_INTERVAL ?? '100ms', retries: 1000},
			depends_on: Object.fromEntries(dependsOn.map(d => [d, {condition: 'service_healthy'}])),
			labels: {'deckhand.bench': 'up'},
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-bench-'));
	writeFileSync(path.join(dir, 'compose.yaml'), JSON.stringify({services}));
	return loadCompose({cwd: dir, projectName: name, env: {}});
}

/** docker-compose's `up -d` of the same stack (it waits for service_healthy too); wall ms. */
async function composeUp(project: LoadedCompose): Promise<number> {
	const {docker, host} = createConnection();
	const options = {cwd: project.project.workingDir, env: {...process.env, DOCKER_HOST: host}};
	const name = `${project.project.name}-peer`;
	try {
		const started = performance.now();
		await execa('docker-compose', ['-p', name, 'up', '-d'], options);
		return performance.now() - started;
	} finally {
		await removeComposeProject(docker, name);
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? Number.NaN;

/** Dispatch lag: from a step's last dependency finishing to the step beginning (the scheduler's own delay). */
const dispatch: number[] = [];

async function once(project: LoadedCompose, lags: number[]) {
	const {docker} = createConnection();
	const ports = dockerPorts(docker);
	const began = new Map<string, number>();
	const ended = new Map<string, number>();
	try {
		const result = await upProject(ports, project, {
			timeoutMs: 120_000,
			onHealthyEvent: (event, received) => lags.push(received - event),
			onEvent: event => {
				if ((event.type === 'starting' || event.type === 'waiting') && !began.has(event.step)) began.set(event.step, event.at);
				if (event.type === 'ready') ended.set(event.step, event.at);
			},
		});
		for (const step of result.plan.steps) if (step.after.length > 0) dispatch.push(began.get(step.id)! - Math.max(...step.after.map(id => ended.get(id)!)));
		if (!result.ok) throw new Error(`bench up failed: ${result.failed?.failure.message}`);
		return result;
	} finally {
		await downProject(ports, project.project.name);
	}
}

const delayPath = (project: ComposeProject) => criticalPath(planStartup(project), Object.fromEntries(Object.entries(graph).map(([s, [d]]) => [`ready:${s}`, d])));

const parallel = {wall: [] as number[], ratioDelays: [] as number[], ratioMeasured: [] as number[]};
const sequential: number[] = [];
const peer: number[] = [];
const lags: number[] = [];
const peerVersion = await ensureDockerCompose();
for (let round = 0; round < rounds; round++) {
	const p = stack(`dhbench-up-${process.pid}-${round}`, false);
	const result = await once(p, lags);
	parallel.wall.push(result.elapsedMs);
	if (process.env.BENCH_VERBOSE) console.log(Object.entries(result.durations).map(([id, ms]) => `${id} ${Math.round(ms)}`).join(', '));
	parallel.ratioDelays.push(result.elapsedMs / delayPath(p.project));
	parallel.ratioMeasured.push(result.elapsedMs / criticalPath(result.plan, result.durations));
	const s = stack(`dhbench-seq-${process.pid}-${round}`, true);
	sequential.push((await once(s, [])).elapsedMs);
	peer.push(await composeUp(stack(`dhbench-up-${process.pid}-${round}`, false)));
}
const fixed = (n: number, digits = 2) => n.toFixed(digits);
console.log(`services: ${Object.keys(graph).length}, rounds: ${rounds}, delay critical path: ${delayPath(stack('dhbench-x', false).project)}ms, sum of delays: ${Object.values(graph).reduce((a, [d]) => a + d, 0)}ms`);
console.log(`up (plan)        median wall ${fixed(median(parallel.wall), 0)}ms`);
console.log(`  ÷ critical path of delays           ${fixed(median(parallel.ratioDelays))}`);
console.log(`  ÷ critical path of measured steps   ${fixed(median(parallel.ratioMeasured))}   (scheduler overhead; target ≤ 1.05)`);
console.log(`docker-compose ${peerVersion} up -d, same file, same rounds: median wall ${fixed(median(peer), 0)}ms  (deckhand ${fixed(median(parallel.wall) / median(peer))}× its time)`);
console.log(`strictly sequential median wall ${fixed(median(sequential), 0)}ms  (${fixed(median(sequential) / median(parallel.wall))}× slower)`);
console.log(`dispatch lag (dependency done → dependent begins): median ${fixed(median(dispatch), 1)}ms, max ${fixed(Math.max(...dispatch), 1)}ms over ${dispatch.length} gated steps`);
console.log(`detection lag after health_status: median ${fixed(median(lags), 1)}ms, p95 ${fixed(p95(lags), 1)}ms over ${lags.length} events (target ≤ 100 ms median)`);
