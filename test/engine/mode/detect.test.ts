import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {containerIdFromCgroup, containerIdFromMountinfo, detectMode, needsDaemonContainers, rootIsUnionFilesystem} from '../../../source/engine/mode/detect.js';

// Captured with `cat /proc/self/...`: `host` on the development VM (which has a /.dockerenv and
// runs the private dockerd beside us), `socket-container` inside a busybox container on the
// private engine with its socket mounted.
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/proc/${name}`, import.meta.url), 'utf8');
const host = {mountinfo: fixture('host/mountinfo'), cgroup: fixture('host/cgroup')};
const container = {mountinfo: fixture('socket-container/mountinfo'), cgroup: fixture('socket-container/cgroup')};
const containerId = fixture('socket-container/container-id').trim();
const local = {endpointKind: 'unix', endpointHost: 'unix:///var/run/docker.sock'} as const;

describe('container id and root filesystem from /proc text', () => {
	it('finds the id in the hostname/hosts/resolv.conf bind mounts', () => {
		assert.equal(containerIdFromMountinfo(container.mountinfo), containerId);
		// The host's mountinfo lists container overlays and netns files, but never as /etc/hostname.
		assert.equal(containerIdFromMountinfo(host.mountinfo), undefined);
	});
	it('finds the id in cgroup v1 and systemd-style paths, not in a host cgroup', () => {
		assert.equal(containerIdFromCgroup(container.cgroup), containerId);
		assert.equal(containerIdFromCgroup(`0::/system.slice/docker-${containerId}.scope\n`), containerId);
		assert.equal(containerIdFromCgroup(host.cgroup), undefined);
		assert.equal(containerIdFromCgroup('0::/\n'), undefined);
	});
	it('tells an overlay root from a disk root', () => {
		assert.equal(rootIsUnionFilesystem(container.mountinfo), true);
		assert.equal(rootIsUnionFilesystem(host.mountinfo), false);
	});
});

describe('detectMode strategies', () => {
	it('remote: ssh and non-loopback tcp endpoints, whatever /proc says', () => {
		assert.equal(detectMode({endpointKind: 'ssh', endpointHost: 'ssh://ops@db1'}).mode, 'remote');
		assert.equal(detectMode({endpointKind: 'tcp', endpointHost: 'tcp://10.0.0.5:2376', ...container}).mode, 'remote');
		assert.equal(needsDaemonContainers({endpointKind: 'tcp', endpointHost: 'tcp://10.0.0.5:2376', ...container}), false);
	});

	it('host: this VM, despite its /.dockerenv and the dockerd running beside us', () => {
		const report = detectMode({...local, ...host, processNames: ['process_api', 'dockerd', 'containerd', 'node']});
		assert.deepEqual(report, {mode: 'host', evidence: ['no container mounts or cgroups', 'dockerd runs beside us']});
		// Loopback tcp is the same machine, so not remote.
		assert.equal(detectMode({endpointKind: 'tcp', endpointHost: 'tcp://127.0.0.1:2375', ...host}).mode, 'host');
	});

	it('socket: inside a container the daemon knows', () => {
		const facts = {...local, ...container, processNames: ['sleep', 'sh']};
		assert.equal(needsDaemonContainers(facts), true);
		assert.deepEqual(detectMode({...facts, daemonContainerIds: ['f'.repeat(64), containerId]}), {
			mode: 'socket',
			containerId,
			evidence: [`container id ${containerId.slice(0, 12)} in mountinfo`, 'the daemon lists that container'],
		});
	});

	it('dind: inside a container the daemon does not know', () => {
		const report = detectMode({...local, ...container, processNames: ['sleep'], daemonContainerIds: ['f'.repeat(64)]});
		assert.deepEqual([report.mode, report.evidence.at(-1)], ['dind', 'the daemon does not know our container']);
	});

	it('dind: dockerd runs in our PID namespace (id hidden by a private cgroup namespace)', () => {
		// Derived from the captured container: cgroup namespace private (cgroup v2 `0::/`) and no
		// hostname bind mounts, as in a dind image that manages /etc itself.
		const mountinfo = container.mountinfo.split('\n').filter(line => !line.includes('/containers/')).join('\n');
		const report = detectMode({...local, mountinfo, cgroup: '0::/\n', processNames: ['dockerd', 'containerd', 'sh']});
		assert.deepEqual(report, {mode: 'dind', evidence: ['root filesystem is an overlay', 'dockerd runs in our PID namespace']});
	});

	it('socket: inside a container with no id to check and no dockerd beside us', () => {
		const mountinfo = container.mountinfo.split('\n').filter(line => !line.includes('/containers/')).join('\n');
		assert.equal(detectMode({...local, mountinfo, cgroup: '0::/\n', processNames: ['sh']}).mode, 'socket');
	});
});
