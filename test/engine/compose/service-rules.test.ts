import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {UsageError} from '../../../source/engine/errors.js';
import {loadCompose} from '../../../source/engine/compose/load.js';
import {portEntryProblem, projectNameProblem, serviceNameProblem} from '../../../source/engine/compose/service-rules.js';

function load(yaml: string, options: {projectName?: string; env?: Record<string, string>} = {}) {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-rules-'));
	writeFileSync(path.join(dir, 'compose.yaml'), yaml);
	return () => loadCompose({cwd: dir, env: options.env ?? {}, projectName: options.projectName});
}

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message) && !error.message.includes('\n');

/** A one-service file with `line` as the service's last key (line 4). */
const service = (line: string) => `services:\n  a:\n    image: x\n${line}\n`;

describe('compose values are checked against the spec before anything is created', () => {
	const cases: Array<[string, string, RegExp]> = [
		['replicas: many', '    deploy: {replicas: many}', /compose\.yaml:4: deploy\.replicas must be a whole number from 0 to 10000 \(got "many"\)/],
		['depends_on: 7', '    depends_on: 7', /compose\.yaml:4: depends_on must be a list of services or a mapping \(got 7\)/],
		['environment: 3', '    environment: 3', /compose\.yaml:4: environment must be a mapping or a list \(got 3\)/],
		['labels: [1,2]', '    labels: [1, 2]', /compose\.yaml:4: labels entries must be strings like KEY=VALUE \(got 1\)/],
		['ready timeout abc', '    x-deckhand: {ready: {timeout: abc}}', /compose\.yaml:4: x-deckhand\.ready\.timeout: invalid duration "abc"/],
		['ready tcp notaport', '    x-deckhand: {ready: {tcp: notaport}}', /compose\.yaml:4: x-deckhand\.ready\.tcp \(a port\) must be a whole number from 1 to 65535 \(got "notaport"\)/],
		['restart: sometimes', '    restart: sometimes', /compose\.yaml:4: restart must be no, always, on-failure\[:N\] or unless-stopped \(got "sometimes"\)/],
		['port 99999', '    ports: ["99999:80"]', /compose\.yaml:4: port 99999 is out of range \(1-65535\)/],
		['target port 0', '    ports: ["8080:0"]', /compose\.yaml:4: port 0 is out of range/],
		['stop_signal SIGBOGUS', '    stop_signal: SIGBOGUS', /compose\.yaml:4: stop_signal: unknown signal "SIGBOGUS"/],
		['command: {a: 1}', '    command: {a: 1}', /compose\.yaml:4: command must be a string or a list/],
		['healthcheck.retries: -1', '    healthcheck: {test: [CMD, "true"], retries: -1}', /compose\.yaml:4: healthcheck\.retries must be a whole number/],
	];
	for (const [name, line, pattern] of cases) {
		it(`refuses ${name} with file:line`, () => assert.throws(load(service(line)), usage(pattern)));
	}

	it('accepts the valid forms of the same keys', () => {
		const loaded = load(service([
			'    deploy: {replicas: 2}',
			'    depends_on: [b]',
			'    environment: {A: 1, B: true, C: null}',
			'    labels: ["x=1"]',
			'    restart: on-failure:3',
			'    ports: ["8080:80", "9000-9001:9000-9001/udp", 53, {target: 80, published: "8081"}]',
			'    stop_signal: SIGUSR1',
			'    x-deckhand: {ready: {timeout: 30s, tcp: 8080, http: "80/health", http_status: 200-399}, reload: {signal: hup}}',
		].join('\n')) + '  b:\n    image: x\n')();
		assert.equal(loaded.project.services.a!.deploy.replicas, 2);
		assert.equal(loaded.project.services.a!.ports.length, 4);
	});
});

describe('service and project names', () => {
	for (const bad of ['my app', 'a/b', 'hey!', 'ü', '']) {
		it(`refuses the service name ${JSON.stringify(bad)}`, () => {
			assert.throws(load(`services:\n  ${JSON.stringify(bad)}:\n    image: x\n`), usage(/compose\.yaml:2: (invalid service name|a service name must not be empty)/));
		});
	}
	it('accepts letters, digits, dots, dashes and underscores', () => {
		assert.equal(serviceNameProblem('Web_1.api-x'), undefined);
	});
	it('refuses a -p or COMPOSE_PROJECT_NAME compose would refuse, and normalises name: and the directory', () => {
		assert.throws(load(service('    user: "1"'), {projectName: 'My App'}), usage(/^-p: invalid project name "My App"/));
		assert.throws(load(service('    user: "1"'), {env: {COMPOSE_PROJECT_NAME: 'bad/name'}}), usage(/^COMPOSE_PROJECT_NAME: invalid project name/));
		assert.throws(load(service('    user: "1"'), {projectName: ''}), usage(/^-p: the project name must not be empty/));
		assert.equal(load(`name: My_App\n${service('    user: "1"')}`)().project.name, 'my_app');
		assert.equal(projectNameProblem('ok-1_x'), undefined);
	});
	it('checks port numbers in every syntax', () => {
		assert.equal(portEntryProblem('127.0.0.1:8080:80/tcp'), undefined);
		assert.equal(portEntryProblem('65536'), 'port 65536 is out of range (1-65535)');
		assert.equal(portEntryProblem({target: 80, published: 70000}), 'port 70000 is out of range (1-65535)');
		assert.equal(portEntryProblem('9001-9000:80'), 'port range 9001-9000 is backwards');
		assert.equal(portEntryProblem(true), 'a port must be a string, a number or a mapping');
	});
});
