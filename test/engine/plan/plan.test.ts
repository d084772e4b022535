import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ComposeService, DependsOnCondition} from '../../../source/engine/compose/types.js';
import {StepError, executePlan, type StepEvent} from '../../../source/engine/plan/execute.js';
import {criticalPath, planStartup, type PlanStep} from '../../../source/engine/plan/graph.js';

/** A minimal project: name → {dependency: condition}. */
function project(graph: Record<string, Record<string, DependsOnCondition>>): {services: Record<string, ComposeService>} {
	const services: Record<string, ComposeService> = {};
	for (const [name, deps] of Object.entries(graph)) {
		services[name] = {
			name, image: 'x', environment: {}, ports: [], volumes: [], networks: [], labels: {}, profiles: [], deploy: {},
			dependsOn: Object.fromEntries(Object.entries(deps).map(([d, condition]) => [d, {condition, restart: false, required: true}])),
		};
	}
	return {services};
}

const diamond = project({
	db: {},
	cache: {},
	migrate: {db: 'service_healthy'},
	api: {migrate: 'service_completed_successfully', cache: 'service_healthy'},
	web: {api: 'service_started'},
});

/** Runner whose steps finish when the test says so; records the order things happened. */
function controllableRunner() {
	const log: string[] = [];
	const pending = new Map<string, {resolve: () => void; reject: (e: Error) => void}>();
	const running = new Set<string>();
	let maxParallel = 0;
	const run = (step: PlanStep, {signal}: {signal: AbortSignal}) =>
		new Promise<void>((resolve, reject) => {
			log.push(`begin ${step.id}`);
			running.add(step.id);
			maxParallel = Math.max(maxParallel, running.size);
			const end = () => running.delete(step.id);
			pending.set(step.id, {resolve: () => (end(), log.push(`end ${step.id}`), resolve()), reject: e => (end(), reject(e))});
			signal.addEventListener('abort', () => (end(), reject(new Error('aborted'))), {once: true});
		});
	const settle = async (id: string, error?: Error) => {
		for (let i = 0; i < 50 && !pending.has(id); i++) await new Promise(r => setImmediate(r));
		const handle = pending.get(id);
		assert.ok(handle, `step ${id} was never started; log: ${log.join(', ')}`);
		pending.delete(id);
		if (error) handle.reject(error);
		else handle.resolve();
		await new Promise(r => setImmediate(r));
	};
	return {log, run, settle, started: () => [...pending.keys()].sort(), maxParallel: () => maxParallel};
}

describe('planStartup', () => {
	it('gates each start on exactly the step its condition names', () => {
		const plan = planStartup(diamond);
		const byId = Object.fromEntries(plan.steps.map(s => [s.id, s]));
		assert.deepEqual(byId['start:migrate']!.after, ['ready:db']);
		assert.deepEqual(byId['start:api']!.after, ['complete:migrate', 'ready:cache']);
		assert.deepEqual(byId['start:web']!.after, ['start:api']);
		assert.equal(byId['complete:migrate']!.kind, 'complete');
		assert.equal(byId['ready:migrate'], undefined);
		assert.deepEqual(plan.services, ['cache', 'db', 'migrate', 'api', 'web']);
	});

	it('with services named, includes just those and their dependencies', () => {
		assert.deepEqual(planStartup(diamond, {services: ['migrate']}).services, ['db', 'migrate']);
		assert.throws(() => planStartup(diamond, {services: ['nope']}), /no such service: nope/);
	});

	it('computes the critical path as the longest chain of step durations', () => {
		const plan = planStartup(diamond);
		assert.equal(criticalPath(plan, {'ready:db': 300, 'ready:cache': 100, 'complete:migrate': 200, 'ready:api': 50}), 550);
	});
});

describe('executePlan', () => {
	it('starts independent services together and each dependent the moment its own gate holds (not in waves)', async () => {
		const r = controllableRunner();
		const result = executePlan(planStartup(diamond), r.run);
		await r.settle('start:cache');
		await r.settle('start:db');
		assert.deepEqual(r.started(), ['ready:cache', 'ready:db'], 'both readiness waits overlap');
		await r.settle('ready:db');
		// cache is still not ready, yet migrate starts now: it only needs db.
		assert.deepEqual(r.started(), ['ready:cache', 'start:migrate']);
		await r.settle('start:migrate');
		await r.settle('complete:migrate');
		assert.deepEqual(r.started(), ['ready:cache'], 'api still waits for cache');
		await r.settle('ready:cache');
		await r.settle('start:api');
		await r.settle('start:web');
		await r.settle('ready:api');
		await r.settle('ready:web');
		const outcome = await result;
		assert.equal(outcome.ok, true);
	});

	it('bounds concurrent starts by the given parallelism, but not waits', async () => {
		const r = controllableRunner();
		const plan = planStartup(project({a: {}, b: {}, c: {}}));
		const result = executePlan(plan, r.run, {concurrency: 1});
		await r.settle('start:a');
		assert.deepEqual(r.started(), ['ready:a', 'start:b']);
		await r.settle('start:b');
		await r.settle('start:c');
		for (const s of ['a', 'b', 'c']) await r.settle(`ready:${s}`);
		assert.equal((await result).ok, true);
	});

	it('stops new starts at the first failure, reports probe details and cancels other waits', async () => {
		const r = controllableRunner();
		const events: StepEvent[] = [];
		const result = executePlan(planStartup(diamond), r.run, {onEvent: e => events.push(e)});
		await r.settle('start:cache');
		await r.settle('start:db');
		await r.settle('ready:db', new StepError('db not healthy', 'healthcheck', 3, 'connection refused'));
		const outcome = await result;
		assert.equal(outcome.ok, false);
		assert.equal(outcome.failed!.step.id, 'ready:db');
		assert.deepEqual(outcome.failed!.failure, {message: 'db not healthy', probe: 'healthcheck', attempts: 3, lastOutput: 'connection refused'});
		assert.ok(!r.log.includes('begin start:migrate'), 'nothing new starts after the failure');
		assert.ok(events.some(e => e.type === 'cancelled' && e.step === 'ready:cache'));
		assert.deepEqual(events.filter(e => e.type === 'failed').map(e => e.step), ['ready:db']);
	});

	it('emits timings from the injected clock', async () => {
		let t = 0;
		const events: StepEvent[] = [];
		const plan = planStartup(project({a: {}}));
		const outcome = await executePlan(plan, async () => void (t += 10), {now: () => t, onEvent: e => events.push(e)});
		assert.deepEqual(outcome.durations, {'start:a': 10, 'ready:a': 10});
		assert.deepEqual(events.map(e => `${e.type} ${e.step} @${e.at}${e.elapsedMs === undefined ? '' : ` +${e.elapsedMs}`}`), [
			'pending start:a @0', 'pending ready:a @0', 'starting start:a @0', 'ready start:a @10 +10', 'waiting ready:a @10', 'ready ready:a @20 +10',
		]);
	});

	it('an outer abort ends the run as a failure without starting more', async () => {
		const r = controllableRunner();
		const controller = new AbortController();
		const result = executePlan(planStartup(diamond), r.run, {signal: controller.signal});
		await r.settle('start:db');
		controller.abort(new Error('Ctrl-C'));
		const outcome = await result;
		assert.equal(outcome.ok, false);
		assert.ok(!r.log.includes('begin start:migrate'));
	});
});
