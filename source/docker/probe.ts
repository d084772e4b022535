/**
 * The Docker side of readiness probes (source/engine/wait): inspect, events, exec and logs of
 * one container, shaped as `ProbeCapabilities`. Network probes live in probe-net.ts.
 */
import type Docker from 'dockerode';
import type {AttemptResult, ContainerEvent, ContainerState, ProbeCapabilities} from '../engine/wait/types.js';
import {watchContainerEvents} from './events.js';
import {execInContainer} from './exec.js';
import {connectTcp, httpGet} from './probe-net.js';

const epoch = (text: string | undefined) => {
	const ms = text ? Date.parse(text) : Number.NaN;
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
};

/** Inspects a container into the state probes judge. */
export async function inspectForProbe(docker: Docker, id: string): Promise<ContainerState> {
	const info = await docker.getContainer(id).inspect();
	const health = info.State.Health as {Status: string; FailingStreak: number; Log?: Array<{Output: string}>} | undefined;
	const configured = (info.Config as {Healthcheck?: {Retries?: number}}).Healthcheck;
	const publishedPorts: Record<number, number> = {};
	for (const [key, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
		const [port, protocol] = key.split('/');
		const host = (bindings as Array<{HostPort?: string}> | null)?.find(binding => binding.HostPort)?.HostPort;
		if (protocol === 'tcp' && host) publishedPorts[Number(port)] = Number(host);
	}
	return {
		running: info.State.Running,
		status: info.State.Status,
		exitCode: info.State.ExitCode,
		startedAt: epoch(info.State.StartedAt),
		// Podman reports `Health: {Status: ""}` for a container without a healthcheck.
		health: health?.Status ? {status: health.Status, failingStreak: health.FailingStreak, retries: configured?.Retries || 3, lastOutput: health.Log?.at(-1)?.Output.trim()} : undefined,
		publishedPorts,
	};
}

/**
 * Calls `onEvent` for the container's health_status/start/die events until `signal` aborts.
 * Resolves once the subscription is live, so an inspect right after misses nothing.
 */
export async function watchForProbe(docker: Docker, id: string, signal: AbortSignal, onEvent: (event: ContainerEvent) => void): Promise<void> {
	signal.throwIfAborted();
	await watchContainerEvents(docker, id, ['health_status', 'start', 'die'], signal, event => onEvent({status: event.action, epochMs: event.time || undefined}));
}

/** Splits Docker's multiplexed stdout/stderr frames (8-byte headers) into text. */
export function demultiplex(raw: Buffer): string {
	const out: string[] = [];
	let i = 0;
	while (i + 8 <= raw.length && raw[i]! <= 2 && raw[i + 1] === 0 && raw[i + 2] === 0 && raw[i + 3] === 0) {
		const size = raw.readUInt32BE(i + 4);
		out.push(raw.subarray(i + 8, i + 8 + size).toString('utf8'));
		i += 8 + size;
	}
	return i === 0 ? raw.toString('utf8') : out.join('') + raw.subarray(i).toString('utf8');
}

/** Runs a command in the container; ok when it exits 0; output is stdout+stderr. */
export async function execForProbe(docker: Docker, id: string, command: readonly string[], signal: AbortSignal): Promise<AttemptResult> {
	signal.throwIfAborted();
	const {exitCode, stdout, stderr} = await execInContainer(docker, id, command, {signal});
	const output = `${stdout}${stderr}`.trim();
	return {ok: exitCode === 0, output: output === '' ? `exit code ${exitCode}` : `${output} (exit code ${exitCode})`};
}

/** The container's output since an epoch time (ms), stdout and stderr. */
export async function logsForProbe(docker: Docker, id: string, sinceEpochMs: number): Promise<string> {
	const since = sinceEpochMs > 0 ? (sinceEpochMs / 1000).toFixed(3) : 0;
	const raw = (await docker.getContainer(id).logs({stdout: true, stderr: true, follow: false, since: since as number})) as unknown as Buffer;
	return demultiplex(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
}

/** The real capabilities for one engine. */
export function dockerProbes(docker: Docker): ProbeCapabilities {
	return {
		inspect: async id => inspectForProbe(docker, id),
		watch: async (id, signal, onEvent) => watchForProbe(docker, id, signal, onEvent),
		exec: async (id, command, signal) => execForProbe(docker, id, command, signal),
		connectTcp: async (port, signal) => connectTcp('127.0.0.1', port, signal),
		httpGet: async (port, path, signal) => httpGet('127.0.0.1', port, path, signal),
		logs: async (id, since) => logsForProbe(docker, id, since),
	};
}
