/**
 * `deckhand down` against docker-compose 1.29 (`docker-compose down`) on the same compose file,
 * in one run, on the private engine. Every service runs `sleep` as PID 1, which ignores SIGTERM,
 * so each stop lasts its grace period (default 10 s): what counts is how many stops run at once.
 * The graph is the shape: db with three dependents (api, worker, cron; worker and cron
 * independent of each other and of api), web and admin on api, and a cache beside db.
 * Levels (dependents first): [admin, cron, web, worker], [api], [cache, db].
 *
 * Needs Debian's docker-compose 1.29 (installed here with apt when missing) and a built
 * dist/cli.js (`npm run build`). Images: deckhand-test/busybox:1 only, never pulled.
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock node --import tsx bench/down.ts
 */
import {randomBytes} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {createConnection} from '../source/docker/client.js';
import {ensureDockerCompose, removeComposeProject} from './lib/compose-peer.js';

const image = process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const {docker, host} = createConnection();
const env = {...process.env, DOCKER_HOST: host};

/** service → its dependencies. */
const graph: Record<string, string[]> = {db: [], cache: [], api: ['db', 'cache'], worker: ['db'], cron: ['db'], web: ['api'], admin: ['api']};

const composeFile = () => {
	const services = Object.fromEntries(
		Object.entries(graph).map(([name, deps]) => [
			name,
			// JSON is YAML; both tools read this file.
			{image, pull_policy: 'never', network_mode: 'none', command: ['sleep', '3600'], labels: {'deckhand.test': 'bench-down'}, ...(deps.length > 0 ? {depends_on: deps} : {})},
		]),
	);
	const directory = mkdtempSync(path.join(tmpdir(), 'dh-bench-down-'));
	const file = path.join(directory, 'compose.yaml');
	writeFileSync(file, JSON.stringify({services}, null, 2));
	return file;
};

/** Brings the stack up with `up`, then times `down`; returns seconds. */
async function timeDown(project: string, up: readonly string[], down: readonly string[], file: string): Promise<number> {
	const [command, ...args] = up;
	await execa(command!, [...args], {env, cwd: path.dirname(file)});
	const running = await docker.listContainers({filters: JSON.stringify({label: [`com.docker.compose.project=${project}`]})});
	if (running.length !== Object.keys(graph).length) throw new Error(`${project}: ${running.length} containers running after up, want ${Object.keys(graph).length}`);
	const started = performance.now();
	const [downCommand, ...downArgs] = down;
	await execa(downCommand!, [...downArgs], {env, cwd: path.dirname(file)});
	return (performance.now() - started) / 1000;
}

const version = await ensureDockerCompose();
const file = composeFile();
const suffix = randomBytes(3).toString('hex');
const ours = `dhtest-bench-down-deckhand-${suffix}`;
const theirs = `dhtest-bench-down-compose-${suffix}`;
try {
	const deckhand = await timeDown(ours, ['node', cli, 'up', '-f', file, '-p', ours], ['node', cli, 'down', '-f', file, '-p', ours], file);
	const compose = await timeDown(theirs, ['docker-compose', '-f', file, '-p', theirs, 'up', '-d'], ['docker-compose', '-f', file, '-p', theirs, 'down'], file);
	console.log(`down of a ${Object.keys(graph).length}-service stack whose processes ignore SIGTERM (10 s grace period, 3 levels):`);
	console.log(`  deckhand down:               ${deckhand.toFixed(1)} s`);
	console.log(`  docker-compose ${version} down: ${compose.toFixed(1)} s`);
} finally {
	await removeComposeProject(docker, ours);
	await removeComposeProject(docker, theirs);
}
