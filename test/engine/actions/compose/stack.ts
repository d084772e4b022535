/**
 * Test stacks for the compose actions: busybox services on `network_mode: none`, SIGKILL on
 * stop (fast down), healthchecks that turn healthy after a known delay, every object labelled
 * `deckhand.test=<run>` (extraLabels) and named `dhtest-...` so cleanup finds it.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import {loadCompose} from '../../../../source/engine/compose/load.js';
import type {LoadedCompose} from '../../../../source/engine/compose/types.js';
import {TEST_IMAGE, TEST_LABEL, testName} from '../../../helpers/engine.js';

/** A service healthy `delayMs` after start (checked every 100 ms). */
export const healthyAfter = (delayMs: number, dependsOn: Record<string, string> = {}) => ({
	image: TEST_IMAGE,
	network_mode: 'none',
	stop_signal: 'SIGKILL',
	command: ['sh', '-c', `sleep ${delayMs / 1000}; touch /tmp/ok; exec sleep 3600`],
	healthcheck: {test: ['CMD', 'test', '-f', '/tmp/ok'], interval: '100ms', retries: 600},
	depends_on: Object.fromEntries(Object.entries(dependsOn).map(([name, condition]) => [name, {condition}])),
});

/** A one-shot job exiting with `code` after `delayMs`. */
export const job = (delayMs: number, code = 0, dependsOn: Record<string, string> = {}) => ({
	image: TEST_IMAGE,
	network_mode: 'none',
	command: ['sh', '-c', `sleep ${delayMs / 1000}; echo job-output-${code}; exit ${code}`],
	depends_on: Object.fromEntries(Object.entries(dependsOn).map(([name, condition]) => [name, {condition}])),
});

/** Writes a compose file (JSON is YAML) to a temp dir and loads it as a uniquely named test project. */
export function testStack(run: string, prefix: string, services: Record<string, unknown>, top: Record<string, unknown> = {}): LoadedCompose {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-stack-'));
	writeFileSync(path.join(dir, 'compose.yaml'), JSON.stringify({...top, services}, null, 2));
	return loadCompose({cwd: dir, projectName: testName(prefix), env: {}, extraLabels: {[TEST_LABEL]: run}});
}

/** Removes a project's containers and networks by its compose label (for stacks created without extraLabels). */
export async function removeProject(docker: Docker, project: string): Promise<void> {
	const filters = JSON.stringify({label: [`com.docker.compose.project=${project}`]});
	for (const c of await docker.listContainers({all: true, filters})) await docker.getContainer(c.Id).remove({force: true}).catch(() => undefined);
	for (const n of await docker.listNetworks({filters})) await docker.getNetwork(n.Id).remove().catch(() => undefined);
}
