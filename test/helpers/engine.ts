/**
 * Test access to the private Docker engine started by scripts/engine.sh (npm test starts it
 * and exports DOCKER_HOST). Everything a test creates carries TEST_LABEL and a name from
 * `testName`, and is removed by `removeTestObjects`; nothing else on the daemon is touched.
 */
import {randomBytes} from 'node:crypto';
import Docker from 'dockerode';

/** The local image every test container uses; never pulled. */
export const TEST_IMAGE = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';

/** Label on every object a test creates. */
export const TEST_LABEL = 'deckhand.test';

/** DOCKER_HOST of the private engine. */
export const testHost = (): string => {
	const host = process.env.DOCKER_HOST;
	if (!host) throw new Error('DOCKER_HOST is not set: run tests through `npm test` (scripts/test.sh)');
	return host;
};

/** A dockerode client for the private engine. */
export const testDocker = (): Docker => new Docker({socketPath: testHost().replace(/^unix:\/\//, '')});

/** A unique, recognisable name: `dhtest-<prefix>-<random>`. */
export const testName = (prefix: string): string => `dhtest-${prefix}-${randomBytes(3).toString('hex')}`;

/** Labels for a test object, grouped by run so one file's cleanup never touches another's. */
export const testLabels = (run: string, extra: Record<string, string> = {}): Record<string, string> => ({
	[TEST_LABEL]: run,
	...extra,
});

/** Options for a test container: local image, no network unless asked, labelled. */
export function testContainerOptions(
	run: string,
	name: string,
	options: Partial<Docker.ContainerCreateOptions> = {},
): Docker.ContainerCreateOptions {
	return {
		name,
		Image: TEST_IMAGE,
		Cmd: ['sleep', '3600'],
		...options,
		Labels: testLabels(run, options.Labels ?? {}),
		HostConfig: {NetworkMode: 'none', ...options.HostConfig},
	};
}

/** Creates and starts a labelled test container. */
export async function startTestContainer(
	docker: Docker,
	run: string,
	name: string,
	options: Partial<Docker.ContainerCreateOptions> = {},
): Promise<Docker.Container> {
	const container = await docker.createContainer(testContainerOptions(run, name, options));
	await container.start();
	return container;
}

/** Removes every container, Swarm service, volume and network labelled with this run. */
export async function removeTestObjects(docker: Docker, run: string): Promise<void> {
	const filters = JSON.stringify({label: [`${TEST_LABEL}=${run}`]});
	const services = await docker.listServices({filters}).catch(() => []);
	await Promise.all(services.map(async s => docker.getService(s.ID).remove().catch(() => undefined)));
	const containers = await docker.listContainers({all: true, filters});
	await Promise.all(containers.map(async c => docker.getContainer(c.Id).remove({force: true, v: true}).catch(() => undefined)));
	const networks = await docker.listNetworks({filters});
	await Promise.all(networks.map(async n => docker.getNetwork(n.Id).remove().catch(() => undefined)));
	const volumes = (await docker.listVolumes({filters})).Volumes ?? [];
	await Promise.all(volumes.map(async v => docker.getVolume(v.Name).remove().catch(() => undefined)));
}

/** A fresh run id for one test file. */
export const newRun = (): string => randomBytes(4).toString('hex');
