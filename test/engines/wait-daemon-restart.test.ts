/**
 * `deckhand wait` across a real daemon restart (issue 12, point 3). This file stops and
 * restarts a dockerd, so it runs its OWN private engine (scripts/engine.sh with its own
 * directory, no Swarm), never the shared one. Each CLI talks to it through a transparent relay
 * (test/helpers/socket-relay.ts) only so the test sees when it has subscribed and inspected;
 * the events stream really drops when the daemon dies.
 *
 * Containers (restart: always, so the daemon's restore starts them again) are never ready in
 * their first life; in the second, `quick` passes its first healthcheck (likely before the
 * waiter has subscribed again: the health log dates it) and `slow` 5 s later (the event does);
 * `never` never does. Asserted: the waiter for quick+slow exits 0 with "ready in" times within
 * a second of Docker's own health_status events, long before its deadline; the waiter for
 * `never` keeps waiting through the restart and fails at its deadline with exit 1.
 */
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import Docker from 'dockerode';
import {execa} from 'execa';
import {newRun, removeTestObjects, startTestContainer, testName} from '../helpers/engine.js';
import {startSocketRelay, type SocketRelay} from '../helpers/socket-relay.js';
import {engineScript, waitFor} from './scripts.js';

const directory = `/tmp/dh-w12-${process.pid}`;
const engine = engineScript('scripts/engine.sh', {DECKHAND_ENGINE_DIR: directory, DECKHAND_NO_SWARM: '1'});
const socket = `${directory}/docker.sock`;
const docker = new Docker({socketPath: socket});
const run = newRun();
const relays: SocketRelay[] = [];

before(async () => {
	// No live-restore (the default): Docker 20.10 does not resume healthchecks of live-restored
	// containers, so the restore kills them and their restart policy starts them again.
	mkdirSync(directory, {recursive: true});
	writeFileSync(`${directory}/daemon.json`, '{}\n');
	await engine.start();
});
after(async () => {
	await Promise.all(relays.map(async relay => relay.close()));
	await removeTestObjects(docker, run).catch(() => undefined);
	await engine.stop();
	// dockerd leaves its data root bind-mounted on itself; without it the directory can go.
	await execa('umount', [`${directory}/data`], {reject: false});
	rmSync(directory, {recursive: true, force: true});
});

/** A container whose healthcheck passes only `delay` seconds into its second life (never, when undefined). */
async function secondLifeContainer(prefix: string, delay: number | undefined) {
	const script = delay === undefined ? 'exec sleep 3600' : `rm -f /tmp/ready; if [ -f /tmp/second ]; then sleep ${delay}; touch /tmp/ready; else touch /tmp/second; fi; exec sleep 3600`;
	return startTestContainer(docker, run, testName(prefix), {
		Cmd: ['sh', '-c', script],
		StopSignal: 'SIGKILL',
		Healthcheck: {Test: ['CMD', 'test', '-f', '/tmp/ready'], Interval: 500e6, Retries: 1000},
		HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: 'always'}},
	});
}

/** Starts `deckhand wait` through a relay; resolves once it has subscribed to each container's events and inspected it. */
async function startWait(ids: readonly string[], names: readonly string[], timeout: string) {
	const relay = await startSocketRelay(socket);
	relays.push(relay);
	const startedAt = Date.now();
	const child = execa('node', ['dist/cli.js', 'wait', ...names, '--timeout', timeout], {reject: false, env: {DOCKER_HOST: relay.host, CI: 'true'}});
	const subscribedAndInspected = (id: string) => {
		const subscribed = relay.requests.findIndex(request => request.line.includes('/events?') && decodeURIComponent(request.line).includes(id));
		return subscribed >= 0 && relay.requests.slice(subscribed).some(request => request.line.includes(`/containers/${id}/json`));
	};
	await waitFor(() => ids.every(subscribedAndInspected) || child.exitCode !== null, 'the waiter to subscribe and inspect');
	assert.equal(child.exitCode, null, 'the waiter is still waiting before the restart');
	return {child, startedAt, subscribedAt: Date.now(), relay};
}

/** Docker's own time of each container's first `health_status: healthy` since `sinceMs`. */
async function healthyEventTimes(ids: readonly string[], sinceMs: number): Promise<Map<string, number>> {
	const events = (await docker.getEvents({since: Math.floor(sinceMs / 1000), until: Math.ceil(Date.now() / 1000) + 1, filters: {type: ['container'], event: ['health_status']}} as never)) as unknown;
	const text = Buffer.isBuffer(events)
		? events.toString()
		: await new Promise<string>(resolve => {
				let body = '';
				(events as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (body += chunk.toString()));
				(events as NodeJS.ReadableStream).on('end', () => resolve(body));
			});
	const times = new Map<string, number>();
	for (const line of text.split('\n').filter(Boolean)) {
		const event = JSON.parse(line) as {id: string; status: string; timeNano: number};
		if (ids.includes(event.id) && event.status === 'health_status: healthy' && !times.has(event.id)) times.set(event.id, event.timeNano / 1e6);
	}
	return times;
}

/** `1.5s`, `850ms`, `2m05s` back to ms. */
const parseReported = (text: string) => {
	const match = /^(?:(\d+)m(\d+)s|([\d.]+)s|(\d+)ms)$/.exec(text);
	assert.ok(match, `a duration: ${text}`);
	return match[1] ? Number(match[1]) * 60_000 + Number(match[2]) * 1000 : match[3] ? Number(match[3]) * 1000 : Number(match[4]);
};

/**
 * Stops the daemon and starts it again; when it went away and when it answered again. A clean
 * stop, as in test/docker/logs-daemon-restart.test.ts: after a SIGKILL in the middle of a
 * healthcheck exec, Docker 20.10's next containerd here times out reconnecting to the shims.
 */
async function restartDaemon(): Promise<{killedAt: number; answeredAt: number}> {
	const killedAt = Date.now();
	await engine.stop();
	await engine.start();
	return {killedAt, answeredAt: Date.now()};
}

describe('wait across a daemon restart (own engine)', () => {
	it('reports the real ready times after the reconnect, and a never-ready target fails at its deadline', async () => {
		const [quick, slow, never] = await Promise.all([secondLifeContainer('wquick', 0), secondLifeContainer('wslow', 5), secondLifeContainer('wnever', undefined)]);
		const [quickName, slowName, neverName] = await Promise.all([quick, slow, never].map(async c => (await c.inspect()).Name.slice(1)));
		const ready = await startWait([quick.id, slow.id], [quickName!, slowName!], '90s');
		const failing = await startWait([never.id], [neverName!], '30s');

		const {killedAt, answeredAt} = await restartDaemon();
		const result = await ready.child;
		const exitedAt = Date.now();
		assert.equal(result.exitCode, 0, `stdout: ${result.stdout}\nstderr: ${result.stderr}`);
		const real = await healthyEventTimes([quick.id, slow.id], killedAt);
		const figures: string[] = [`daemon down ${answeredAt - killedAt} ms`];
		for (const [id, name] of [[quick.id, quickName!], [slow.id, slowName!]] as const) {
			const line = new RegExp(`✔ ${name} ready \\(healthcheck\\) in (\\S+)`).exec(result.stdout);
			assert.ok(line, `a ready line for ${name}: ${result.stdout}`);
			const reported = parseReported(line[1]!);
			const healthyAt = real.get(id);
			assert.ok(healthyAt, `Docker logged ${name} healthy`);
			assert.ok(healthyAt > killedAt, 'it became ready only after the restart');
			// The CLI's clock starts between its spawn and its subscription; 0.1 s is the printed precision.
			assert.ok(reported <= healthyAt - ready.startedAt + 100, `${name}: reported ${reported} ms, Docker's event ${healthyAt - ready.startedAt} ms after spawn`);
			assert.ok(reported >= healthyAt - ready.subscribedAt - 100, `${name}: reported ${reported} ms, Docker's event ${healthyAt - ready.subscribedAt} ms after subscription`);
			assert.ok(reported < 60_000, 'far from the 90 s deadline');
			const resubscribed = ready.relay.requests.find(request => request.at > killedAt && request.line.includes('/events?') && decodeURIComponent(request.line).includes(id))?.at;
			figures.push(`${name}: reported ${reported} ms, Docker ${Math.round(healthyAt - ready.startedAt)} ms after spawn (${Math.round(healthyAt - ready.subscribedAt)} after subscribing); re-subscribed ${resubscribed ? Math.round(resubscribed - healthyAt) : '?'} ms after healthy`);
		}
		assert.ok(exitedAt - Math.max(...real.values()) < 5000, `noticed within 5 s of the last readiness (${exitedAt - Math.max(...real.values())} ms)`);
		figures.push(`exited ${Math.round(exitedAt - Math.max(...real.values()))} ms after the last readiness`);

		const failed = await failing.child;
		const failedAfter = Date.now() - failing.startedAt;
		assert.equal(failed.exitCode, 1, `stdout: ${failed.stdout}\nstderr: ${failed.stderr}`);
		assert.match(failed.stderr, new RegExp(`✘ ${neverName} not ready: .*not ready after 30\\.\\ds`));
		assert.ok(failedAfter >= 30_000 && failedAfter < 40_000, `failed at its deadline, not before it and not long after (${failedAfter} ms)`);
		figures.push(`never-ready waiter exited 1 after ${failedAfter} ms (deadline 30 s)`);
		console.log(`# ${figures.join('; ')}`);
	});
});
