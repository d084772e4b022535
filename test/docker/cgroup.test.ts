import assert from 'node:assert/strict';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {parseBlkioV1, parseIoStatV2, parseNetDev, parseProcCgroup, parseProcStatCpuCount, parseProcStatSystemNs} from '../../source/docker/cgroup-parse.js';
import {locateContainerCgroup, readCgroupCounters, type CgroupFs} from '../../source/docker/cgroup-read.js';

const fixtures = fileURLToPath(new URL('../fixtures/stats/', import.meta.url));

/** The fixture tree as if it were / of a host. */
const fixtureFs = (name: string): CgroupFs => {
	const root = path.join(fixtures, name);
	return {
		cgroupRoot: path.join(root, 'sys/fs/cgroup'),
		procRoot: path.join(root, 'proc'),
		readText: async file => readFile(file, 'utf8'),
		isDirectory: async directory => stat(directory).then(info => info.isDirectory(), () => false),
	};
};

const v1Id = '767f850ebff955e8ef9b7e6ea2f8b022987ed486d22afb13ea9292201d74cf66';
const v1Pid = 14411;
const v2Id = '4c0ffee00000000000000000000000000000000000000000000000000000beef';
const v2Pid = 4242;

describe('cgroup file parsers', () => {
	it('blkio v1 sums Read and Write per device and ignores Sync/Async/Total', () => {
		assert.deepEqual(parseBlkioV1('8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 12288\n8:0 Total 12288\n8:16 Read 100\nTotal 12388\n'), {read: 4196, write: 8192});
	});

	it('io.stat v2 sums rbytes and wbytes over devices', () => {
		assert.deepEqual(parseIoStatV2('8:0 rbytes=10 wbytes=20 rios=1 wios=2\n253:0 rbytes=5 wbytes=0 rios=1 wios=0\n'), {read: 15, write: 20});
	});

	it('/proc/stat: host CPU time in ns from the first eight fields, and the CPU count', () => {
		const text = 'cpu  100 1 50 800 2 0 3 4 9 9\ncpu0 50 0 25 400 1 0 1 2 0 0\ncpu1 50 1 25 400 1 0 2 2 0 0\nintr 1\n';
		assert.equal(parseProcStatSystemNs(text, 100), (100 + 1 + 50 + 800 + 2 + 0 + 3 + 4) * 1e7);
		assert.equal(parseProcStatCpuCount(text), 2);
	});

	it('net/dev sums every interface but loopback', () => {
		const text = 'Inter-|\n face |\n    lo: 5 1 0 0 0 0 0 0 5 1 0 0 0 0 0 0\n  eth0: 100 1 0 0 0 0 0 0 40 1 0 0 0 0 0 0\n  eth1: 1 1 0 0 0 0 0 0 2 1 0 0 0 0 0 0\n';
		assert.deepEqual(parseNetDev(text), {rx: 101, tx: 42});
	});

	it('/proc/<pid>/cgroup maps each v1 controller (comma-joined too) and the v2 line', () => {
		const paths = parseProcCgroup('4:cpu,cpuacct:/docker/abc\n3:memory:/docker/abc\n1:name=systemd:/docker/abc\n0::/docker/abc\n');
		assert.deepEqual(Object.fromEntries(paths), {cpu: '/docker/abc', cpuacct: '/docker/abc', memory: '/docker/abc', 'name=systemd': '/docker/abc', '': '/docker/abc'});
	});
});

describe('reading a container from cgroup v1 files (captured on this machine)', () => {
	const fs = fixtureFs('cgroup-v1');

	it('is located from its main process /proc/<pid>/cgroup', async () => {
		const location = await locateContainerCgroup(fs, v1Id, v1Pid);
		assert.deepEqual(location, {
			version: 1,
			cpuacct: path.join(fs.cgroupRoot, 'cpuacct/docker', v1Id),
			memory: path.join(fs.cgroupRoot, 'memory/docker', v1Id),
			blkio: path.join(fs.cgroupRoot, 'blkio/docker', v1Id),
			pids: path.join(fs.cgroupRoot, 'pids/docker', v1Id),
		});
	});

	it('is located by id under docker/ when its process is not visible', async () => {
		assert.equal((await locateContainerCgroup(fs, v1Id, 999_999))?.version, 1);
		assert.equal(await locateContainerCgroup(fs, 'f'.repeat(64), 999_999), undefined);
	});

	it('reads the counters docker stats would report', async () => {
		const location = (await locateContainerCgroup(fs, v1Id, v1Pid))!;
		const counters = await readCgroupCounters(fs, location, {netPid: v1Pid, hostMemory: 25_276_026_880, now: () => 7});
		assert.deepEqual(counters, {
			at: 7,
			cpuNs: 87_866_131,
			systemNs: (71796 + 0 + 34866 + 85073 + 372 + 0 + 420 + 0) * 1e7,
			onlineCpus: 2,
			memoryBytes: 413_696 - 65_536,
			memoryLimit: 67_108_864,
			netRxBytes: 1500,
			netTxBytes: 700,
			blockReadBytes: 4096 + 100,
			blockWriteBytes: 8192,
			pids: 1,
		});
	});

	it('a limit above the host memory reads as the host memory; no netPid (host networking) reads no traffic', async () => {
		const location = (await locateContainerCgroup(fs, v1Id, v1Pid))!;
		const counters = await readCgroupCounters(fs, location, {hostMemory: 1_000_000});
		assert.equal(counters.memoryLimit, 1_000_000);
		assert.deepEqual([counters.netRxBytes, counters.netTxBytes], [0, 0]);
	});

	it('throws when the cgroup is gone (the container stopped)', async () => {
		const gone = {version: 1 as const, cpuacct: '/nonexistent', memory: '/nonexistent', blkio: '/nonexistent', pids: '/nonexistent'};
		await assert.rejects(readCgroupCounters(fs, gone, {hostMemory: 1}));
	});
});

describe('reading a container from cgroup v2 files', () => {
	const fs = fixtureFs('cgroup-v2');

	it('is located from /proc/<pid>/cgroup (systemd driver scope)', async () => {
		assert.deepEqual(await locateContainerCgroup(fs, v2Id, v2Pid), {version: 2, directory: path.join(fs.cgroupRoot, `system.slice/docker-${v2Id}.scope`)});
		assert.deepEqual(await locateContainerCgroup(fs, v2Id), {version: 2, directory: path.join(fs.cgroupRoot, `system.slice/docker-${v2Id}.scope`)});
	});

	it('reads cpu.stat, memory.current minus inactive_file, memory.max "max", io.stat, pids.current', async () => {
		const location = (await locateContainerCgroup(fs, v2Id, v2Pid))!;
		const counters = await readCgroupCounters(fs, location, {netPid: v2Pid, hostMemory: 8_000_000_000, now: () => 1});
		assert.deepEqual(counters, {
			at: 1,
			cpuNs: 1_500_000_000,
			systemNs: (1000 + 500 + 8000) * 1e7,
			onlineCpus: 4,
			memoryBytes: 10_485_760 - 3_145_728,
			memoryLimit: 8_000_000_000,
			netRxBytes: 2010,
			netTxBytes: 3020,
			blockReadBytes: 1_048_576 + 4096,
			blockWriteBytes: 2_097_152,
			pids: 3,
		});
	});
});
