import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {doctorFindings} from '../../../source/ui/data/container-details.js';
import {healthLines} from '../../../source/ui/tabs/tab-lines.js';
import type {ContainerDetails} from '../../../source/ui/view/types.js';

const bare = {Name: '/web-1', Config: {User: '', Labels: {}}, HostConfig: {RestartPolicy: {Name: 'no'}, Memory: 0, NanoCpus: 0}};

describe('Doctor findings in the Health tab', () => {
	it('lists the live-config findings of a bare container', () => {
		assert.deepEqual(doctorFindings(bare).map(f => f.rule), ['container/no-healthcheck', 'container/no-restart-policy', 'container/no-resource-limits', 'container/runs-as-root']);
	});

	it('adds the compose project findings with file:line when the files named by the labels are readable', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dh-doctor-view-'));
		const file = join(dir, 'compose.yaml');
		writeFileSync(file, 'services:\n  web:\n    image: nginx:latest\n');
		const labels = {'com.docker.compose.project.config_files': file, 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.service': 'web'};
		const findings = doctorFindings({...bare, Config: {User: '1000', Labels: labels, Healthcheck: {Test: ['CMD', 'true']}}, HostConfig: {RestartPolicy: {Name: 'always'}, Memory: 1 << 26, NanoCpus: 1e9}});
		const unpinned = findings.find(f => f.rule === 'compose/unpinned-image');
		assert.ok(unpinned, `no compose/unpinned-image among ${findings.map(f => f.rule).join(', ')}`);
		assert.match(unpinned.where, /compose\.yaml:3$/);
		assert.equal(findings.some(f => f.rule.startsWith('container/')), false, 'a well-configured container has no live findings');
	});

	it('reports unreadable project files as one finding instead of failing', () => {
		const labels = {'com.docker.compose.project.config_files': '/nonexistent/compose.yaml', 'com.docker.compose.project.working_dir': '/nonexistent'};
		const findings = doctorFindings({...bare, Config: {User: '', Labels: labels}});
		assert.equal(findings.at(-1)?.rule, 'doctor/unreadable');
	});

	it('shows the findings under the probe results', () => {
		const details: ContainerDetails = {
			id: 'x', name: 'web-1', image: 'busybox', command: [], env: [], labels: {}, mounts: [], ports: [], health: [], state: 'running',
			findings: [{rule: 'container/runs-as-root', severity: 'warning', where: 'container:web-1', message: 'web-1 runs as root', fix: 'set user'}],
		};
		const text = healthLines(details, 80).map(l => l.text.trimEnd());
		assert.deepEqual(text.slice(-3), ['Doctor: 1 finding (deckhand doctor for details)', '! container/runs-as-root container:web-1  web-1 runs as root', '  fix: set user']);
	});
});
