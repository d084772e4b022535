import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, describe, it} from 'node:test';
import type Docker from 'dockerode';
import {resolveEndpoint} from '../../source/docker/connection.js';
import {localProcReaders} from '../../source/docker/host.js';
import {dockerPorts} from '../../source/docker/ports.js';
import {describeEngine, detectEngineMode, engineParallelism} from '../../source/engine/mode/engine-mode.js';
import type {HostFactsPort as ProcReaders} from '../../source/engine/ports/index.js';
import {newRun, removeTestObjects, startTestContainer, testDocker, testHost, testName} from '../helpers/engine.js';

const docker = testDocker();
const ports = dockerPorts(docker);
const run = newRun();
after(() => removeTestObjects(docker, run));

/** Runs `sh -c script` in the container and answers its stdout. */
async function execText(container: Docker.Container, script: string): Promise<string> {
	const exec = await container.exec({Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true});
	const stream = await exec.start({});
	const stdout = new PassThrough();
	const chunks: Buffer[] = [];
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	docker.modem.demuxStream(stream, stdout, new PassThrough());
	await new Promise(resolve => stream.on('end', resolve));
	return Buffer.concat(chunks).toString('utf8');
}

/** /proc readers that read inside a container through exec. */
const readersInside = (container: Docker.Container): ProcReaders => ({
	mountinfo: async () => execText(container, 'cat /proc/self/mountinfo'),
	cgroup: async () => execText(container, 'cat /proc/self/cgroup'),
	processNames: async () => (await execText(container, 'cat /proc/[0-9]*/comm')).split('\n').filter(Boolean),
});

const endpoint = resolveEndpoint({env: {DOCKER_HOST: testHost()}, homeDirectory: '/nonexistent', readFile: () => undefined});

describe('mode detection against the real engine', () => {
	it('is host for this test process (the VM has /.dockerenv but is no container)', async () => {
		const report = await detectEngineMode({...ports, endpoint, host: localProcReaders});
		assert.equal(report.mode, 'host', `evidence: ${report.evidence.join('; ')}`);
	});

	it('is socket, with the right id, inside a container that has the engine socket mounted', async () => {
		const socketPath = testHost().replace(/^unix:\/\//, '');
		const container = await startTestContainer(docker, run, testName('mode-socket'), {HostConfig: {NetworkMode: 'none', Binds: [`${socketPath}:/var/run/docker.sock`]}});
		// The socket really is there for a process inside.
		assert.match(await execText(container, 'ls -l /var/run/docker.sock'), /^s/);
		const report = await detectEngineMode({...ports, endpoint: {kind: 'unix', host: 'unix:///var/run/docker.sock', source: 'default'}, host: readersInside(container)});
		assert.deepEqual([report.mode, report.containerId], ['socket', container.id], `evidence: ${report.evidence.join('; ')}`);
		assert.equal(await engineParallelism({...ports, endpoint: {...endpoint, host: 'unix:///var/run/docker.sock'}, host: readersInside(container)}), 8);
	});

	it('describes the engine: version, API, OS, cgroup version, swarm, parallelism', async () => {
		const description = await describeEngine({...ports, endpoint});
		assert.equal(description.mode, 'host');
		assert.equal(description.parallelism, 8);
		assert.match(description.engine.version, /^\d+\.\d+/);
		assert.match(description.engine.apiVersion, /^1\.\d+$/);
		assert.ok(['1', '2'].includes(description.engine.cgroupVersion));
		assert.ok(['active', 'inactive', 'pending', 'error', 'locked'].includes(description.engine.swarm));
	});
});
