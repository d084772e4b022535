import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {inspectRunningContainers} from '../../../source/engine/doctor/live.js';
import {isRootUser, lintContainers, type ContainerInspect} from '../../../source/engine/doctor/container-rules.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testName} from '../../helpers/engine.js';
import {dockerPorts} from '../../../source/docker/ports.js';

const pairs = (inspects: readonly ContainerInspect[]) => lintContainers(inspects).map(item => [item.file, item.rule, item.line, item.message]);

describe('live-container rules on inspect JSON', () => {
	it('a swarm task needs no restart policy; a CPU quota counts as a CPU limit; NONE is no healthcheck', () => {
		const inspect: ContainerInspect = {
			Name: '/web.1.abc',
			Config: {User: 'app', Healthcheck: {Test: ['NONE']}, Labels: {'com.docker.swarm.task.id': 'abc'}},
			HostConfig: {RestartPolicy: {Name: ''}, Memory: 0, CpuQuota: 50_000},
		};
		assert.deepEqual(pairs([inspect]), [
			['container:web.1.abc', 'container/no-healthcheck', 0, 'container web.1.abc has no healthcheck'],
			['container:web.1.abc', 'container/no-resource-limits', 0, 'container web.1.abc has no memory limit'],
		]);
	});

	it('treats empty, 0 and root (with or without a group) as root', () => {
		assert.deepEqual(['', '0', 'root', '0:0', 'root:wheel', '1000', 'app', '1000:0'].map(isRootUser), [true, true, true, true, true, false, false, false]);
	});
});

describe('live-container rules on the real engine', () => {
	const docker = testDocker();
	const ports = dockerPorts(docker);
	const run = newRun();
	after(async () => removeTestObjects(docker, run));

	it('finds nothing on a well-configured container and all four problems on a bare one', async () => {
		const good = testName('doctor-good');
		const bare = testName('doctor-bare');
		await Promise.all([
			startTestContainer(docker, run, good, {
				User: '1000',
				Healthcheck: {Test: ['CMD', 'true'], Interval: 1_000_000_000},
				HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: 'unless-stopped'}, Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000},
			}),
			startTestContainer(docker, run, bare),
		]);
		const inspects = await inspectRunningContainers(ports, [`deckhand.test=${run}`]);
		assert.deepEqual(inspects.map(item => item.Name.replace(/^\//, '')).sort(), [bare, good].sort());
		assert.deepEqual(pairs(inspects.filter(item => item.Name === `/${good}`)), []);
		assert.deepEqual(pairs(inspects.filter(item => item.Name === `/${bare}`)), [
			[`container:${bare}`, 'container/no-healthcheck', 0, `container ${bare} has no healthcheck`],
			[`container:${bare}`, 'container/no-restart-policy', 0, `container ${bare} has no restart policy`],
			[`container:${bare}`, 'container/no-resource-limits', 0, `container ${bare} has no memory or CPU limit`],
			[`container:${bare}`, 'container/runs-as-root', 0, `container ${bare} runs as root`],
		]);
	});
});
