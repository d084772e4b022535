import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {buildKeymap} from '../../../source/ui/keys/keymap.js';
import {completePalette} from '../../../source/ui/palette/complete-palette.js';
import {parsePalette, paletteVerbs} from '../../../source/ui/palette/parse-palette.js';
import {operationRequest} from '../../../source/ui/state/command-operations.js';

describe('command palette', () => {
	const keymap = buildKeymap();
	it('parses :logs api, :theme light, :restart api, :context NAME, :filter and :quit', () => {
		assert.deepEqual(parsePalette('logs api', keymap), {kind: 'show', tab: 'logs', name: 'api'});
		assert.deepEqual(parsePalette('  stats  ', keymap), {kind: 'show', tab: 'stats', name: undefined});
		assert.deepEqual(parsePalette('theme light', keymap), {kind: 'theme', name: 'light'});
		assert.deepEqual(parsePalette('restart api', keymap), {kind: 'action', commandId: 'container.restart', name: 'api'});
		assert.deepEqual(parsePalette('context prod', keymap), {kind: 'context', name: 'prod'});
		assert.deepEqual(parsePalette('filter web', keymap), {kind: 'filter', text: 'web'});
		assert.deepEqual(parsePalette('quit', keymap), {kind: 'quit'});
	});

	it('explains bad input', () => {
		assert.deepEqual(parsePalette('theme', keymap), {kind: 'themes'});
		assert.match((parsePalette('fly away', keymap) as {error: string}).error, /unknown command "fly"/);
		assert.match((parsePalette('', keymap) as {error: string}).error, /type a command/);
	});

	it(':reload takes the CLI\'s --signal, normalised as deckhand reload does, and refuses an unknown one', () => {
		assert.deepEqual(parsePalette('reload api --signal hup', keymap), {kind: 'action', commandId: 'service.reload', name: 'api', options: {signal: 'hup', killSignal: 'SIGHUP'}});
		assert.match((parsePalette('reload api --signal nope', keymap) as {error: string}).error, /^reload: --signal: unknown signal "nope"/);
		const request = operationRequest('service.reload', {kind: 'container', id: 'c1', name: '/api'}, 'c1', undefined, {signal: 'hup', killSignal: 'SIGHUP'});
		assert.deepEqual(request, {id: 'reload', name: 'api', input: {service: 'c1', method: undefined, killSignal: 'SIGHUP', timeoutMs: undefined}});
		// A service row reloads what `deckhand reload PROJECT/SERVICE` (compose) or `deckhand reload NAME` (Swarm) reloads: every replica.
		const compose = operationRequest('service.reload', {kind: 'service', project: 'shop', name: 'web', containerIds: ['w1', 'w2']}, 'w1');
		assert.deepEqual((compose as {input: {service: string}}).input.service, 'shop/web');
		const swarm = operationRequest('service.reload', {kind: 'service', project: 'swarm', name: 'api', containerIds: ['s1'], swarm: true}, 's1');
		assert.deepEqual((swarm as {input: {service: string}}).input.service, 'api');
	});

	it(':deploy takes --max-size and --keep, :scale takes --no-wait, as the CLI commands do', () => {
		const deploy = parsePalette('deploy api app.tgz --max-size 1KiB', keymap) as {options: Record<string, unknown>};
		assert.equal(deploy.options.maxBytes, 1024);
		assert.match((parsePalette('deploy api app.tgz --max-size lots', keymap) as {error: string}).error, /^deploy: invalid --max-size "lots"/);
		assert.match((parsePalette('deploy api app.tgz --keep 0', keymap) as {error: string}).error, /^deploy: --keep must be a whole number ≥ 1 \(got 0\)/);
		const target = {kind: 'container', id: 'c1', name: '/api'} as const;
		const deployRequest = operationRequest('service.deploy', target, 'c1', 'app.tgz', deploy.options) as {input: {limits?: {maxBytes: number}}};
		assert.equal(deployRequest.input.limits?.maxBytes, 1024);
		const scale = parsePalette('scale web=3 --no-wait', keymap) as {options: Record<string, unknown>};
		const service = {kind: 'service', project: 'demo', name: 'web', containerIds: ['c1'], swarm: false} as const;
		assert.equal((operationRequest('swarm.scaleUp', service, 'c1', undefined, scale.options) as {input: {wait?: boolean}}).input.wait, false);
	});

	it('under --read-only has no action verbs, and says why when one is typed', () => {
		const readOnly = buildKeymap({readOnly: true});
		assert.deepEqual((parsePalette('restart api', readOnly) as {error: string}).error, 'read-only: restart is disabled (started with --read-only)');
		assert.ok(!paletteVerbs(readOnly).some(verb => verb.verb === 'restart' || verb.verb === 'stop'));
		assert.ok(paletteVerbs(keymap).some(verb => verb.verb === 'restart'));
	});

	it('completes verbs, then service, container and theme names, as far as they agree', () => {
		const candidates = {
			verbs: paletteVerbs(keymap).map(entry => entry.verb),
			argumentsOf: (verb: string) => (verb === 'theme' ? ['default', 'light', 'high-contrast'] : verb === 'logs' || verb === 'restart' ? ['demo/api', 'api', 'demo/db', 'db', 'lonely'] : []),
		};
		assert.deepEqual(completePalette('lo', candidates), {text: 'logs ', candidates: []});
		assert.deepEqual(completePalette('re', candidates), {text: 're', candidates: ['reload', 'restart', 'restart-dependents']});
		assert.deepEqual(completePalette('logs lo', candidates), {text: 'logs lonely', candidates: []});
		assert.deepEqual(completePalette('restart demo/', candidates), {text: 'restart demo/', candidates: ['demo/api', 'demo/db']});
		assert.deepEqual(completePalette('theme hi', candidates), {text: 'theme high-contrast', candidates: []});
		assert.deepEqual(completePalette('quit', candidates), {text: 'quit', candidates: []});
		assert.deepEqual(completePalette('logs zz', candidates), {text: 'logs zz', candidates: []});
	});
});
