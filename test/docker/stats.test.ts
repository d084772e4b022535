/**
 * Stats against the real engine: a busy loop limited to half a CPU reads about 50 % and an
 * idle container under 5 %, with both samplers; only subscribed containers are streamed.
 */
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {createApiStatsSampler} from '../../source/engine/stats/api-sampler.js';
import {createCgroupStatsSampler} from '../../source/engine/stats/cgroup-sampler.js';
import {chooseStatsSampler} from '../../source/engine/stats/engine-hub.js';
import {sampleOnce} from '../../source/engine/stats/index.js';
import {createStatsHub, type StatsHub} from '../../source/engine/stats/hub.js';
import type {ContainerStats, StatsSampler} from '../../source/engine/stats/types.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../helpers/engine.js';
import {dockerPorts} from '../../source/docker/ports.js';

const docker = testDocker();

const ports = dockerPorts(docker);
const run = newRun();
const memoryLimit = 64 * 1024 * 1024;

/**
 * Other tests load this 2-core machine, and a container's cgroup only competes as one task
 * among them. A parent cgroup with high cpu.shares lets the busy loop actually get its half
 * CPU, so the figure measures the sampler, not the machine's load. cgroupfs v1 only.
 */
const cgroupParent = `/dhtest-stats-${run}`;
const priorityParent = (): string | undefined => {
	try {
		if (!existsSync('/sys/fs/cgroup/cpu')) return undefined;
		mkdirSync(`/sys/fs/cgroup/cpu${cgroupParent}`);
		writeFileSync(`/sys/fs/cgroup/cpu${cgroupParent}/cpu.shares`, '262144');
		return cgroupParent;
	} catch {
		return undefined;
	}
};

let busyId = '';
let idleId = '';

/** Waits until the hub holds `count` figures for every id, then returns the histories. */
async function collect(hub: StatsHub, ids: string[], count: number, errors: unknown[], deadlineMs = 90_000): Promise<Map<string, readonly ContainerStats[]>> {
	const controller = new AbortController();
	try {
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`fewer than ${count} samples per container after ${deadlineMs} ms: ${ids.map(id => hub.history(id).length).join(', ')}; sampler errors: ${errors.map(String).join('; ') || 'none'}`)), deadlineMs);
			hub.subscribe(
				ids,
				() => {
					if (ids.every(id => hub.history(id).length >= count)) {
						clearTimeout(timer);
						resolve(new Map(ids.map(id => [id, hub.history(id)])));
					}
				},
				{signal: controller.signal},
			);
		});
	} finally {
		controller.abort();
	}
}

/** The mean CPU % of a history, skipping the first figure (no previous reading). */
const meanCpu = (history: readonly ContainerStats[]) => {
	const rest = history.slice(1);
	return rest.reduce((sum, entry) => sum + entry.cpuPercent, 0) / rest.length;
};

async function assertSaneFigures(sampler: StatsSampler, errors: unknown[]) {
	const hub = createStatsHub({sampler, intervalMs: 500});
	try {
		const histories = await collect(hub, [busyId, idleId], 6, errors);
		const busy = histories.get(busyId)!;
		const idle = histories.get(idleId)!;
		const busyCpu = meanCpu(busy);
		assert.ok(busyCpu >= 35 && busyCpu <= 65, `busy loop limited to 0.5 CPU read ${busyCpu.toFixed(1)}% with the ${sampler.kind} sampler (want 35–65): ${busy.map(s => s.cpuPercent.toFixed(1)).join(' ')}`);
		const idleCpu = meanCpu(idle);
		assert.ok(idleCpu < 5, `idle container read ${idleCpu.toFixed(1)}% with the ${sampler.kind} sampler`);
		const last = idle.at(-1)!;
		assert.ok(last.memoryBytes > 0 && last.memoryBytes < last.memoryLimit, `memory ${last.memoryBytes} of ${last.memoryLimit}`);
		assert.equal(last.memoryLimit, memoryLimit);
		assert.ok(last.pids >= 1);
	} finally {
		hub.close();
	}
}

describe('stats against the private engine', () => {
	before(async () => {
		const parent = priorityParent();
		const hostConfig = {NanoCpus: 500_000_000, CpuShares: 262_144, ...(parent ? {CgroupParent: parent} : {})};
		const busy = await startTestContainer(docker, run, testName('busy'), {Cmd: ['sh', '-c', 'while :; do :; done'], HostConfig: {NetworkMode: 'none', ...hostConfig}});
		const idle = await startTestContainer(docker, run, testName('idle'), {HostConfig: {NetworkMode: 'none', Memory: memoryLimit, ...(parent ? {CgroupParent: parent} : {})}});
		busyId = busy.id;
		idleId = idle.id;
	});

	after(async () => {
		await removeTestObjects(docker, run);
		for (const controller of existsSync('/sys/fs/cgroup') ? readdirSync('/sys/fs/cgroup') : []) {
			try {
				rmdirSync(`/sys/fs/cgroup/${controller}${cgroupParent}`);
			} catch {}
		}
	});

	it('the API sampler reads a half-CPU busy loop at about 50 % and an idle container under 5 %', async () => {
		const errors: unknown[] = [];
		await assertSaneFigures(createApiStatsSampler(ports, {onError: (_id, error) => errors.push(error)}), errors);
	});

	it('the cgroup sampler reads the same, from cgroup files and not from stats streams', async () => {
		const errors: unknown[] = [];
		const api = createApiStatsSampler(ports, {onError: (_id, error) => errors.push(error)});
		const cgroup = createCgroupStatsSampler(ports, {fallback: api, intervalMs: 500, onError: (_id, error) => errors.push(error)});
		const hub = createStatsHub({sampler: cgroup});
		const stop = hub.subscribe([busyId], () => undefined);
		const deadline = Date.now() + 60_000;
		while (!cgroup.readingCgroups().includes(busyId) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
		assert.deepEqual(cgroup.readingCgroups(), [busyId], 'the busy container is read from its cgroup');
		assert.deepEqual(api.openStreams(), [], 'no stats stream was opened');
		stop();
		hub.close();
		await assertSaneFigures(cgroup, errors);
	});

	it('picks the cgroup sampler for this local engine', () => {
		assert.equal(chooseStatsSampler(ports).kind, 'cgroup');
		assert.equal(chooseStatsSampler(ports, {prefer: 'api'}).kind, 'api');
	});

	it('streams only the containers subscribed to, and closes them on unsubscribe', async () => {
		const api = createApiStatsSampler(ports);
		const hub = createStatsHub({sampler: api, intervalMs: 200});
		const waitFor = async (condition: () => boolean, what: string) => {
			const deadline = Date.now() + 60_000;
			while (!condition()) {
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; open: ${api.openStreams().join(', ')}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		};
		const updates: string[][] = [];
		const stop = hub.subscribe([idleId], update => updates.push([...update.stats.keys()]));
		await waitFor(() => updates.length > 0, 'a first update');
		assert.deepEqual(api.openStreams(), [idleId]);
		assert.ok(updates.every(keys => keys.length === 1 && keys[0] === idleId), 'updates only carry the subscribed container');
		stop();
		await waitFor(() => api.openStreams().length === 0, 'the stream to close');
		hub.close();
	});

	for (const kind of ['api', 'cgroup'] as const) {
		it(`the ${kind} sampler keeps sampling across docker restart`, async () => {
			const container = await startTestContainer(docker, run, testName(`restart-${kind}`), {StopSignal: 'SIGKILL'});
			const api = createApiStatsSampler(ports);
			const cgroup = createCgroupStatsSampler(ports, {fallback: api, intervalMs: 250});
			const sampler = kind === 'api' ? api : cgroup;
			const hub = createStatsHub({sampler, intervalMs: 250});
			const seen: number[] = [];
			const stop = hub.subscribe([container.id], update => seen.push(update.stats.get(container.id)!.at));
			try {
				const waitFor = async (condition: () => boolean, what: string) => {
					const deadline = Date.now() + 90_000;
					while (!condition()) {
						if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${seen.length} updates)`);
						await new Promise(resolve => setTimeout(resolve, 50));
					}
				};
				await waitFor(() => seen.length > 0, 'figures before the restart');
				await container.restart({t: 0});
				const restartedAt = Date.parse((await container.inspect()).State.StartedAt);
				await waitFor(() => seen.some(at => at > restartedAt + 500), 'figures after the restart');
				const latest = hub.latest(container.id)!;
				assert.ok(latest.memoryBytes > 0 && latest.pids >= 1, `sane figures after restart: ${JSON.stringify(latest)}`);
				if (kind === 'cgroup') assert.deepEqual([cgroup.readingCgroups(), api.openStreams()], [[container.id], []], 'still read from cgroup files, no stream opened');
			} finally {
				stop();
				hub.close();
			}
		});
	}

	it('sampleOnce gives docker stats --no-stream figures for status', async () => {
		const figures = await sampleOnce(ports, [busyId, idleId]);
		assert.deepEqual([...figures.keys()].sort(), [busyId, idleId].sort());
		assert.ok(figures.get(busyId)!.cpuPercent > 10, `busy read ${figures.get(busyId)!.cpuPercent}%`);
		assert.equal(figures.get(idleId)!.memoryLimit, memoryLimit);
	});
});
