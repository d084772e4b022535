import assert from 'node:assert/strict';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {isInlineSecret} from '../../../source/engine/doctor/compose-rules.js';
import {lintProject} from '../../../source/engine/doctor/project.js';
import {UsageError} from '../../../source/engine/errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/doctor/compose');
const fixture = (name: string) => path.join(fixtures, name);

/** `[rule, line]` pairs of a compose fixture's findings (ignore comments applied), optionally for one rule. */
function findings(name: string, rule?: string): Array<[string, number]> {
	const result = lintProject({composeFiles: [fixture(name)], env: {}});
	return result.findings.filter(item => rule === undefined || item.rule === rule).map(item => [item.rule, item.line]);
}

const messages = (name: string, rule: string) => lintProject({composeFiles: [fixture(name)], env: {}}).findings.filter(item => item.rule === rule).map(item => item.message);

/** Each rule: the lines it must flag in `<rule>.bad.yaml`; `<rule>.good.yaml` holds near misses it must not flag. */
const cases: Array<{rule: string; bad: Array<[string, number]>}> = [
	{rule: 'no-healthcheck', bad: [['compose/no-healthcheck', 2]]},
	{rule: 'depends-on-not-healthy', bad: [['compose/depends-on-not-healthy', 8], ['compose/depends-on-not-healthy', 12]]},
	{rule: 'depends-on-no-readiness', bad: [['compose/depends-on-no-readiness', 10], ['compose/depends-on-no-readiness', 14]]},
	{rule: 'no-restart-policy', bad: [['compose/no-restart-policy', 2]]},
	{rule: 'no-resource-limits', bad: [['compose/no-resource-limits', 2], ['compose/no-resource-limits', 8]]},
	{rule: 'no-log-rotation', bad: [['compose/no-log-rotation', 2], ['compose/no-log-rotation', 6]]},
	{rule: 'unpinned-image', bad: [['compose/unpinned-image', 3], ['compose/unpinned-image', 5], ['compose/unpinned-image', 7]]},
	{rule: 'inline-secret', bad: [['compose/inline-secret', 5], ['compose/inline-secret', 7], ['compose/inline-secret', 12]]},
	{rule: 'database-port-public', bad: [['compose/database-port-public', 5], ['compose/database-port-public', 9], ['compose/database-port-public', 15]]},
	{rule: 'healthcheck-no-start-period', bad: [['compose/healthcheck-no-start-period', 4]]},
	{rule: 'database-no-volume', bad: [['compose/database-no-volume', 3], ['compose/database-no-volume', 5], ['compose/database-no-volume', 9]]},
	{rule: 'privileged', bad: [['compose/privileged', 4]]},
	{rule: 'docker-socket', bad: [['compose/docker-socket', 5], ['compose/docker-socket', 9]]},
];

describe('compose rules, one fixture pair per rule', () => {
	for (const {rule, bad} of cases) {
		it(`compose/${rule} flags exactly the bad lines`, () => {
			assert.deepEqual(findings(`${rule}.bad.yaml`, `compose/${rule}`), bad);
		});
		it(`compose/${rule} stays silent on the near misses`, () => {
			assert.deepEqual(findings(`${rule}.good.yaml`, `compose/${rule}`), []);
		});
	}

	it('a secret shared through a YAML anchor is reported where each service pulls it in', () => {
		assert.deepEqual(findings('inline-secret.anchors.yaml', 'compose/inline-secret'), [['compose/inline-secret', 6], ['compose/inline-secret', 11]]);
	});

	it('a file that follows every practice has no findings at all', () => {
		assert.deepEqual(findings('clean.yaml'), []);
	});

	it('messages name the service and what is missing, never the secret value', () => {
		assert.deepEqual(messages('no-resource-limits.bad.yaml', 'compose/no-resource-limits'), ['service none has no memory or CPU limit', 'service memory-only has no CPU limit']);
		assert.deepEqual(messages('inline-secret.bad.yaml', 'compose/inline-secret'), [
			'service map-form sets DB_PASSWORD to a literal value',
			'service map-form sets STRIPE_API_KEY to a literal value',
			'service list-form sets GITHUB_TOKEN to a literal value',
		]);
		assert.deepEqual(messages('depends-on-no-readiness.bad.yaml', 'compose/depends-on-no-readiness'), [
			'service api depends on cache, which has no healthcheck or readiness probe: api starts before cache is ready',
			'service worker depends on queue, which has no healthcheck or readiness probe: worker starts before queue is ready',
		]);
		assert.deepEqual(messages('healthcheck-no-start-period.bad.yaml', 'compose/healthcheck-no-start-period'), [
			'healthcheck of fast marks it unhealthy after 6s (interval 2s × 3 retries) and has no start_period',
		]);
		assert.deepEqual(messages('database-port-public.bad.yaml', 'compose/database-port-public'), [
			'postgres port 5432 of service db is published on all interfaces',
			'redis port 6379 of service cache is published on all interfaces',
			'mongo port 27017 of service mongo is published on all interfaces',
		]);
	});

	it('findings carry severity, why and fix from the rule table', () => {
		const [first] = lintProject({composeFiles: [fixture('privileged.bad.yaml')], env: {}}).findings.filter(item => item.rule === 'compose/privileged');
		assert.equal(first?.severity, 'error');
		assert.equal(first?.file, fixture('privileged.bad.yaml'));
		assert.match(first?.why ?? '', /root on the host/);
		assert.match(first?.fix ?? '', /cap_add/);
	});
});

describe('several -f files and profiles', () => {
	it('reviews the merged project, reports each finding in the file that sets it, and includes services behind profiles', () => {
		const result = lintProject({composeFiles: [fixture('multi-base.yaml'), fixture('multi-override.yaml')], env: {}});
		const pick = (rule: string) => result.findings.filter(item => item.rule === rule).map(item => [path.basename(item.file), item.line, item.message]);
		// The override pins the image, so the base file's latest tag is no longer a finding.
		assert.deepEqual(pick('compose/unpinned-image'), []);
		assert.deepEqual(pick('compose/privileged'), [
			['multi-base.yaml', 9, 'service debug-shell runs privileged'],
			['multi-override.yaml', 4, 'service web runs privileged'],
		]);
		assert.deepEqual(pick('compose/inline-secret'), [['multi-base.yaml', 5, 'service web sets ADMIN_PASSWORD to a literal value']]);
		assert.deepEqual(pick('compose/no-healthcheck'), [
			['multi-base.yaml', 6, 'service debug-shell has no healthcheck'],
			['multi-override.yaml', 2, 'service web has no healthcheck'],
		]);
		assert.deepEqual(result.files.map(file => path.basename(file)), ['multi-base.yaml', 'multi-override.yaml']);
	});
});

describe('# deckhand-ignore comments', () => {
	it('silence the named rule on the same line or the line below, and nothing else', () => {
		assert.deepEqual(findings('ignored.yaml'), [
			['compose/no-healthcheck', 2],
			['compose/no-log-rotation', 2],
			['compose/no-resource-limits', 2],
			['compose/no-restart-policy', 2],
			['compose/inline-secret', 9],
		]);
	});
});

describe('invalid compose input', () => {
	it('malformed YAML is a UsageError naming file:line', () => {
		assert.throws(
			() => lintProject({composeFiles: [fixture('malformed.yaml')], env: {}}),
			(error: unknown) => error instanceof UsageError && error.message.startsWith(`${fixture('malformed.yaml')}:4: invalid YAML`),
		);
	});
});

describe('isInlineSecret', () => {
	it('flags literal secret-named values only', () => {
		assert.equal(isInlineSecret('DB_PASSWORD', 'x'), true);
		assert.equal(isInlineSecret('AWS_SECRET_ACCESS_KEY', 'x'), true);
		assert.equal(isInlineSecret('DB_PASSWORD', '${DB_PASSWORD}'), false);
		assert.equal(isInlineSecret('DB_PASSWORD', '${DB_PASSWORD:-}'), false);
		assert.equal(isInlineSecret('DB_PASSWORD', '${DB_PASSWORD:-hunter2}'), true);
		assert.equal(isInlineSecret('DB_PASSWORD', '${DB_PASSWORD-${FALLBACK}}'), false);
		assert.equal(isInlineSecret('DB_PASSWORD_FILE', '/run/secrets/db'), false);
		assert.equal(isInlineSecret('LOG_LEVEL', 'debug'), false);
		assert.equal(isInlineSecret('ALLOW_EMPTY_PASSWORD', 'yes'), false);
		assert.equal(isInlineSecret('DB_PASSWORD', null), false);
	});
});
