import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {RefreshContext} from '../../../source/engine/live/refresh.js';
import {createLimiter} from '../../../source/engine/limit.js';
import {createContainerRefresher, isTaskMoving} from '../../../source/engine/live/refresh.js';
import type {ModelEvent} from '../../../source/engine/model/types.js';

/** A promise with its resolve function exposed. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>(done => (resolve = done));
	return {promise, resolve};
}

type RefreshPorts = RefreshContext['ports'];

const inspectAnswer = (status: string) => ({Id: 'c1', Name: '/c1', Created: '1970-01-01T00:00:00Z', Config: {Image: 'i'}, State: {Status: status}});

describe('container refresher', () => {
	it('reads again instead of applying an inspect that a newer event made stale', async () => {
		const answers = [deferred<unknown>(), deferred<unknown>()];
		let calls = 0;
		const ports = {containers: {inspect: async () => answers[calls++]!.promise}} as unknown as RefreshPorts;
		const applied: ModelEvent[] = [];
		const finished = deferred<void>();
		const refresher = createContainerRefresher({
			ports,
			apply: event => {
				applied.push(event);
				finished.resolve();
			},
			isCurrent: () => true,
			sleep: async () => undefined,
			limit: createLimiter(2),
		});
		refresher.request('c1');
		refresher.request('c1'); // coalesced into the read in flight (marks it stale)
		answers[0]!.resolve(inspectAnswer('running'));
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(calls, 2, 'the stale answer was not applied; a second read was made');
		answers[1]!.resolve(inspectAnswer('exited'));
		await finished.promise;
		assert.deepEqual(applied.map(event => (event.kind === 'container-facts' ? event.container.state : event.kind)), ['exited']);
	});

	it('applies nothing once its connection is no longer current', async () => {
		const ports = {containers: {inspect: async () => inspectAnswer('running')}} as unknown as RefreshPorts;
		const applied: ModelEvent[] = [];
		const refresher = createContainerRefresher({ports, apply: event => applied.push(event), isCurrent: () => false, sleep: async () => undefined, limit: createLimiter(1)});
		refresher.request('c1');
		await new Promise(resolve => setImmediate(resolve));
		assert.deepEqual(applied, []);
	});
});

describe('createLimiter', () => {
	it('never runs more than the limit at once', async () => {
		const limit = createLimiter(3);
		let active = 0;
		let peak = 0;
		await Promise.all(
			Array.from({length: 20}, async () =>
				limit(async () => {
					peak = Math.max(peak, ++active);
					await new Promise(resolve => setImmediate(resolve));
					active--;
				}),
			),
		);
		assert.equal(peak, 3);
	});
});

describe('isTaskMoving', () => {
	it('is true between states, false once settled', () => {
		const task = (state: string, desiredState: string) => ({id: 't', serviceId: 's', slot: 1, nodeId: null, state, desiredState, containerId: null, message: ''});
		assert.deepEqual(
			[task('preparing', 'running'), task('running', 'running'), task('running', 'shutdown'), task('shutdown', 'shutdown'), task('failed', 'running')].map(isTaskMoving),
			[true, false, true, false, false],
		);
	});
});
