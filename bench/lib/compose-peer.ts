/**
 * docker-compose 1.29 (Debian's), the measuring peer for `up` and `down`: installed with apt
 * when missing; the project never depends on it. Also removes what a project left behind.
 */
import type Docker from 'dockerode';
import {execa} from 'execa';

/** Debian's docker-compose 1.29, installed with apt when it is not there yet; its version. */
export async function ensureDockerCompose(): Promise<string> {
	const probe = await execa('docker-compose', ['version', '--short'], {reject: false});
	if (probe.exitCode !== 0) await execa('apt-get', ['install', '-y', 'docker-compose'], {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
	return (await execa('docker-compose', ['version', '--short'])).stdout.trim();
}

/** Removes whatever is left of a compose project (containers, networks), e.g. after a failed run. */
export async function removeComposeProject(docker: Docker, project: string): Promise<void> {
	const filters = JSON.stringify({label: [`com.docker.compose.project=${project}`]});
	for (const container of await docker.listContainers({all: true, filters})) await docker.getContainer(container.Id).remove({force: true}).catch(() => undefined);
	for (const network of await docker.listNetworks({filters})) await docker.getNetwork(network.Id).remove().catch(() => undefined);
}
