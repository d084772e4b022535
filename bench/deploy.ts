/**
 * Deploy speed on the private engine, in one run:
 *   - `deckhand deploy` of a ~50 MB app tarball (random data, so gzip does not shrink it) into a
 *     running supervised busybox container (its /app already holds a 50 MB version, so the backup
 *     is real): total time, the transfer part (validate + lock + backup + upload + swap) and the
 *     "not ready" time (swap → a fresh healthcheck passed; healthcheck interval 1 s); the backup
 *     is read from the previous tree while the app reloads;
 *   - `docker cp` of the same content (the docker CLI copying the directory) and a raw putArchive
 *     of the same tarball, into the same container;
 *   - ratios deploy ÷ docker cp: time until the new tree is live, and total;
 *   - reload-to-ready through deckhand-supervise (SIGHUP → fresh passing healthcheck) and the
 *     supervisor's own restart latency (SIGHUP → the new app's first log line).
 * Run: DOCKER_HOST=unix:///tmp/deckhand-engine/docker.sock node --import tsx bench/deploy.ts
 * (BENCH_MB=50, BENCH_ROUNDS=3)
 */
import {randomBytes} from 'node:crypto';
import {createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {createConnection} from '../source/docker/client.js';
import {deployTarball} from '../source/engine/deploy/deploy.js';
import {packDirectory} from '../source/engine/deploy/pack.js';
import {reloadService} from '../source/engine/reload/reload.js';
import {createSupervisedApp, serverScript} from '../test/fixtures/deploy/supervised-app.js';
import {dockerPorts} from '../source/docker/ports.js';

const megabytes = Number(process.env.BENCH_MB ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const run = `bench-${randomBytes(3).toString('hex')}`;
const {docker, host} = createConnection();
const ports = dockerPorts(docker);
const scratch = mkdtempSync(join(tmpdir(), 'deckhand-bench-deploy-'));
const env = {...process.env, XDG_STATE_HOME: join(scratch, 'state')};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

/** An app directory of version `version` with `megabytes` of random data in 10 MB files. */
function appDirectory(version: string): string {
	const directory = join(scratch, version);
	mkdirSync(join(directory, 'data'), {recursive: true});
	writeFileSync(join(directory, 'VERSION'), `${version}\n`);
	writeFileSync(join(directory, 'HEALTH'), 'ok\n');
	writeFileSync(join(directory, 'server.sh'), serverScript, {mode: 0o755});
	for (let index = 0; index * 10 < megabytes; index++) writeFileSync(join(directory, 'data', `blob-${index}`), randomBytes(Math.min(10, megabytes - index * 10) * 1024 * 1024));
	return directory;
}

/** Deploys of one tarball format vs docker cp of the same directories; prints the figures. */
async function measureFormat(name: string, id: string, extension: 'tar.gz' | 'tar', directories: string[]) {
	const tarballs: string[] = [];
	for (const directory of directories) {
		const output = `${directory}.${extension}`;
		const started = performance.now();
		await packDirectory(directory, {output, deckhandVersion: 'bench'});
		if (tarballs.length === 0) console.log(`pack ${megabytes} MB as .${extension}: ${seconds(performance.now() - started)}`);
		tarballs.push(output);
	}
	// Warm-up deploy: /app now holds a full-size tree, so every measured deploy backs up 50 MB.
	await deployTarball(ports, name, tarballs[0]!, {env, timeoutMs: 60_000});
	const deploys: Array<Record<string, number>> = [];
	const cli: number[] = [];
	const put: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const started0 = performance.now();
		let live = 0;
		// The step after the swap is `reload` (or `ready`): the new tree is in place from then on.
		const onStep = (step: string) => {
			if ((step === 'reload' || step === 'ready') && live === 0) live = performance.now() - started0;
		};
		const record = await deployTarball(ports, name, tarballs[round + 1]!, {env, timeoutMs: 60_000, onStep});
		deploys.push({...(record.durations as Record<string, number>), live});
		let started = performance.now();
		await execa('docker', ['cp', directories[round + 1]!, `${name}:/cp-${round}`], {env: {DOCKER_HOST: host}});
		cli.push(performance.now() - started);
		await execa('docker', ['exec', name, 'mkdir', `/put-${round}`], {env: {DOCKER_HOST: host}});
		started = performance.now();
		await docker.getContainer(id).putArchive(createReadStream(tarballs[round + 1]!), {path: `/put-${round}`});
		put.push(performance.now() - started);
		await execa('docker', ['exec', name, 'rm', '-rf', `/cp-${round}`, `/put-${round}`], {env: {DOCKER_HOST: host}});
	}
	const part = (key: string) => median(deploys.map(d => d[key] ?? 0));
	const total = part('total');
	console.log(`deploy .${extension} ${megabytes} MB (median of ${rounds}): total ${seconds(total)}, new tree live after ${seconds(part('live'))}; validate ${seconds(part('validate'))}, upload ${seconds(part('upload'))}, swap ${seconds(part('swap'))}, then reload ${seconds(part('reload'))} + ready ${seconds(part('ready'))} alongside backup ${seconds(part('backup'))}; not ready ${seconds(part('notReady'))}`);
	console.log(`  docker cp (CLI, same directory): ${seconds(median(cli))}; putArchive of the same .${extension}: ${seconds(median(put))}`);
	console.log(`  ratio time-to-live (validate+lock+upload+swap) ÷ docker cp: ${(part('live') / median(cli)).toFixed(2)}; total (incl. backup, reload, readiness) ÷ docker cp: ${(total / median(cli)).toFixed(2)}`);
}

async function main() {
	const name = `dhtest-bench-deploy-${randomBytes(3).toString('hex')}`;
	const app = await createSupervisedApp(docker, run, name);
	try {
		const directories = ['v1', ...Array.from({length: rounds}, (_, index) => `v${index + 2}`)].map(version => appDirectory(version));
		await measureFormat(name, app.id, 'tar.gz', directories);
		await measureFormat(name, app.id, 'tar', directories);
		const notReady: number[] = [];
		const restart: number[] = [];
		const stamp = (text: string, pattern: string) => [...text.matchAll(new RegExp(`(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z) ${pattern}`, 'g'))].map(match => Date.parse(match[1]!));
		for (let round = 0; round < 5; round++) {
			const since = Math.floor(Date.now() / 1000) - 1;
			const result = await reloadService(ports, name, {method: 'signal', timeoutMs: 30_000});
			notReady.push(result.reloaded[0]!.notReadyMs);
			const text = ((await docker.getContainer(app.id).logs({stdout: true, stderr: true, timestamps: true, since})) as unknown as Buffer).toString('latin1');
			const hup = stamp(text, 'deckhand-supervise: reload: restarting').at(-1);
			const served = stamp(text, 'serving ').filter(time => time >= (hup ?? 0)).at(0);
			if (hup !== undefined && served !== undefined) restart.push(served - hup);
		}
		console.log(`reload by SIGHUP through deckhand-supervise (5 rounds): reload-to-ready median ${seconds(median(notReady))}, max ${seconds(Math.max(...notReady))} (healthcheck interval 1 s, so up to 1 s is waiting for Docker's next check); supervisor restart, SIGHUP handled → new app's first line: median ${restart.length ? `${Math.round(median(restart))} ms` : 'n/a'}`);
	} finally {
		await docker.getContainer(app.id).remove({force: true});
		rmSync(scratch, {recursive: true, force: true});
	}
}

await main();
