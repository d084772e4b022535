import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {installsDevDependencies, lintDockerfile} from '../../../source/engine/doctor/dockerfile-rules.js';
import {lintProject} from '../../../source/engine/doctor/project.js';
import {UsageError} from '../../../source/engine/errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/doctor/dockerfile');

/** `[rule, line]` of a fixture's findings (a .dockerignore is assumed present), optionally for one rule. */
function findings(name: string, rule?: string): Array<[string, number]> {
	return lintDockerfile(readFileSync(path.join(fixtures, name), 'utf8'), name, {hasDockerignore: true})
		.filter(item => rule === undefined || item.rule === rule)
		.map(item => [item.rule, item.line]);
}

const messages = (name: string, rule: string) =>
	lintDockerfile(readFileSync(path.join(fixtures, name), 'utf8'), name, {hasDockerignore: true}).filter(item => item.rule === rule).map(item => item.message);

/** Each rule: bad fixtures with the exact lines flagged, good fixtures (near misses) with none. */
const cases: Array<{rule: string; bad: Record<string, number[]>; good: string[]}> = [
	{rule: 'build-tools-in-final-image', bad: {'bad': [2, 7], 'bad-2': [1]}, good: ['good']},
	{rule: 'no-user', bad: {'bad': [5], 'bad-2': [4]}, good: ['good']},
	{rule: 'no-healthcheck', bad: {'bad': [4]}, good: ['good']},
	{rule: 'unpinned-base-image', bad: {'bad': [1, 2, 3]}, good: ['good']},
	{rule: 'add-remote-url', bad: {'bad': [2, 3]}, good: ['good']},
	{rule: 'package-cache-not-cleaned', bad: {'bad': [2, 3, 4]}, good: ['good']},
	{rule: 'no-init', bad: {'bad': [4], 'bad-2': [4]}, good: ['good', 'good-2']},
];

describe('Dockerfile rules, fixtures per rule', () => {
	for (const {rule, bad, good} of cases) {
		for (const [variant, lines] of Object.entries(bad)) {
			it(`dockerfile/${rule} flags exactly lines ${lines.join(', ')} of ${variant}`, () => {
				assert.deepEqual(findings(`${rule}.${variant}.Dockerfile`, `dockerfile/${rule}`), lines.map(line => [`dockerfile/${rule}`, line]));
			});
		}
		for (const variant of good) {
			it(`dockerfile/${rule} stays silent on ${variant}`, () => {
				assert.deepEqual(findings(`${rule}.${variant}.Dockerfile`, `dockerfile/${rule}`), []);
			});
		}
	}

	it('a multi-stage, non-root, checked, tini-run Dockerfile has no findings at all', () => {
		assert.deepEqual(findings('clean.Dockerfile'), []);
	});

	it('messages say what was found', () => {
		assert.deepEqual(messages('build-tools-in-final-image.bad.Dockerfile', 'dockerfile/build-tools-in-final-image'), [
			'single-stage build installs build tools: build-essential, libpq-dev',
			'single-stage build installs build tools: npm dev dependencies',
		]);
		assert.deepEqual(messages('build-tools-in-final-image.bad-2.Dockerfile', 'dockerfile/build-tools-in-final-image'), ['single-stage build ships the toolchain image golang:1.22']);
		assert.deepEqual(messages('no-init.bad-2.Dockerfile', 'dockerfile/no-init'), ['ENTRYPOINT runs the shell script /usr/local/bin/docker-entrypoint.sh as PID 1']);
		assert.deepEqual(messages('no-user.bad-2.Dockerfile', 'dockerfile/no-user'), ['USER root:root runs the final image as root']);
		assert.deepEqual(messages('unpinned-base-image.bad.Dockerfile', 'dockerfile/unpinned-base-image'), [
			'base image alpine has no tag',
			'base image node:latest uses latest',
			'base image registry.local:5000/base has no tag',
		]);
	});

	it('continuations, heredocs and the escape directive give findings on the right lines', () => {
		assert.deepEqual(findings('parser-features.Dockerfile'), [
			['dockerfile/unpinned-base-image', 5],
			['dockerfile/build-tools-in-final-image', 12],
			['dockerfile/package-cache-not-cleaned', 7],
			['dockerfile/package-cache-not-cleaned', 12],
			['dockerfile/no-healthcheck', 5],
		]);
	});

	it('# deckhand-ignore silences the rule on its own line or the next line only', () => {
		assert.deepEqual(findings('ignored.Dockerfile'), [['dockerfile/no-user', 2]]);
	});

	it('invalid Dockerfiles are UsageErrors with file:line', () => {
		assert.throws(() => findings('unknown-instruction.Dockerfile'), (e: unknown) => e instanceof UsageError && e.message === 'unknown-instruction.Dockerfile:4: unknown instruction "FORM"');
	});
});

describe('installsDevDependencies', () => {
	it('is true for npm ci and bare installs, false for named packages, production flags and other scripts', () => {
		const samples: Array<[string, boolean]> = [
			['npm ci', true],
			['cd /app && npm install', true],
			['yarn', true],
			['yarn install --frozen-lockfile', true],
			['pnpm i', true],
			['npm ci --omit=dev', false],
			['npm install --production', false],
			['yarn install --production', false],
			['pnpm install --prod', false],
			['npm install -g pm2', false],
			['yarn add left-pad', false],
			['yarn build', false],
			['npm run build', false],
		];
		assert.deepEqual(samples.map(([text]) => [text, installsDevDependencies(text)]), samples);
	});
});

describe('dockerfile/missing-dockerignore', () => {
	const lint = (dir: string) => lintProject({dockerfiles: [path.join(fixtures, dir, 'Dockerfile')]}).findings.map(item => [item.rule, item.line, item.message]);
	it('is flagged at line 1 when the build context has no .dockerignore', () => {
		assert.deepEqual(lint('ctx-without-ignore'), [['dockerfile/missing-dockerignore', 1, `no .dockerignore in the build context ${path.relative(process.cwd(), path.join(fixtures, 'ctx-without-ignore'))}`]]);
	});
	it('is silent when the build context has one', () => {
		assert.deepEqual(lint('ctx-with-ignore'), []);
	});
});
