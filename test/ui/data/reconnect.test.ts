import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {createConnection} from '../../../source/docker/client.js';
import {consoleEngine} from '../../../source/ui/data/console-engine.js';
import {createLiveSource} from '../../../source/ui/data/live-source.js';
import type {ConsoleSource} from '../../../source/ui/view/types.js';

// A throwaway daemon of this file's own: the shared private engine is never stopped.
const engineDir = `/tmp/dh-ui-reconnect-${process.pid}`;
const engine = (command: 'start' | 'stop') =>
	execFileSync('bash', ['scripts/engine.sh', command], {env: {...process.env, DECKHAND_ENGINE_DIR: engineDir, DECKHAND_NO_SWARM: '1'}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();

async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

describe('live source when the daemon goes away', () => {
	let source: ConsoleSource | undefined;
	let host = '';

	before(() => {
		host = engine('start');
	});

	after(() => {
		source?.close();
		engine('stop');
		rmSync(engineDir, {recursive: true, force: true});
	});

	it('shows "reconnecting" while the daemon is down and recovers when it is back, without throwing', async () => {
		source = createLiveSource(consoleEngine(createConnection({host})), {statsIntervalMs: 200});
		await eventually(() => source!.snapshot().connection.state === 'connected', 'connected');
		engine('stop');
		await eventually(() => source!.snapshot().connection.state === 'reconnecting', 'reconnecting');
		engine('start');
		await eventually(() => source!.snapshot().connection.state === 'connected', 'connected again');
		assert.match(source.snapshot().engine.version ?? '', /^\d+\./);
	});
});
