import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {composeFilesFromLabels, isDockerfileName} from '../../../source/engine/doctor/project.js';

describe('lintProject inputs', () => {
	it('recognises Dockerfile names by convention', () => {
		const names = ['Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'Dockerfile.dockerignore', 'dockerfile.md', 'Dockerfiles', 'compose.yaml'];
		assert.deepEqual(names.filter(isDockerfileName), ['Dockerfile', 'Dockerfile.prod', 'api.Dockerfile']);
	});
	it('reads the compose files of a running project from docker compose labels', () => {
		assert.deepEqual(
			composeFilesFromLabels({'com.docker.compose.project.config_files': '/srv/app/compose.yaml,/srv/app/compose.prod.yaml', 'com.docker.compose.project.working_dir': '/srv/app'}),
			{cwd: '/srv/app', composeFiles: ['/srv/app/compose.yaml', '/srv/app/compose.prod.yaml']},
		);
		assert.deepEqual(composeFilesFromLabels({'com.docker.compose.project.config_files': '/srv/x/compose.yaml'}), {cwd: '/srv/x', composeFiles: ['/srv/x/compose.yaml']});
		assert.equal(composeFilesFromLabels({'com.docker.compose.project': 'app'}), undefined);
	});
});
