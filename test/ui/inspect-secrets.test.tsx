import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {demoDetails, fakeSource} from './fake-source.js';
import {keys, renderApp} from './render-app.js';

afterEach(() => cleanup());

/** A source whose containers carry secrets in env, labels, command and healthcheck. */
function secretSource() {
	const source = fakeSource();
	source.inspect = async id => ({
		...demoDetails(id),
		command: ['app', '--password=hunter2', '--token', 'tok-123'],
		env: ['PATH=/bin', `DATABASE_URL=postgres://u:pw-${id}@db/x`, 'JWT=abc.def.ghi', 'GITHUB_PAT=ghp_abcdefghijklmnopqrstuvwxyz012345', `DB_PASSWORD=secret-${id}`],
		labels: {'com.docker.compose.project': 'demo', DB_PASSWORD: 'label-secret'},
		healthcheck: 'CMD-SHELL mysqladmin ping --password=hc-secret',
	});
	return source;
}

describe('Inspect masks secrets by name and by shape, and reveals one container at a time', () => {
	it('Given secrets in env, labels, command and healthcheck, none is shown in clear', async () => {
		const app = renderApp({source: secretSource(), columns: 140, rows: 40});
		await app.press(']', ']', ']');
		const frame = await app.waitFor(text => text.includes('[Inspect]') && text.includes('DATABASE_URL=postgres://u:••••••@db/x'));
		for (const secret of ['pw-aaa111', 'abc.def.ghi', 'ghp_abcd', 'secret-aaa111', 'label-secret', 'hunter2', 'tok-123', 'hc-secret']) assert.ok(!frame.includes(secret), `"${secret}" shown in clear:\n${frame}`);
		for (const shown of ['JWT=••••••', 'GITHUB_PAT=••••••', 'DB_PASSWORD=••••••', '--password=••••••', '--token ••••••', 'PATH=/bin']) assert.ok(frame.includes(shown), `frame lacks "${shown}":\n${frame}`);
	});

	it('When v reveals the selected container and another is selected, the other is masked', async () => {
		const app = renderApp({source: secretSource(), columns: 140, rows: 40});
		await app.press(']', ']', ']');
		await app.waitFor(text => text.includes('DB_PASSWORD=••••••'));
		await app.press(keys.enter, 'v');
		await app.waitFor(text => text.includes('DB_PASSWORD=secret-aaa111') && text.includes('postgres://u:pw-aaa111@db/x'));
		await app.press(keys.escape, keys.down);
		const frame = await app.waitFor(text => text.includes('bbb222') && text.includes('DB_PASSWORD=••••••'));
		assert.ok(!frame.includes('secret-bbb222') && !frame.includes('pw-bbb222'), `the next container is revealed too:\n${frame}`);
	});
});
