/** The cheap look at the config file that keeps the early listing off when `engines:` decides. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {configNamesEngines} from '../../../source/ui/config/config-directory.js';

const withConfig = (text: string | undefined) => {
	const home = mkdtempSync(join(tmpdir(), 'dh-config-engines-'));
	mkdirSync(join(home, 'deckhand'));
	if (text !== undefined) writeFileSync(join(home, 'deckhand', 'config.yaml'), text);
	return {XDG_CONFIG_HOME: home};
};

describe('configNamesEngines', () => {
	it('is true only for a top-level engines: key', () => {
		assert.equal(configNamesEngines(withConfig('theme: dark\nengines:\n  a: unix:///a.sock\n')), true);
		assert.equal(configNamesEngines(withConfig('theme: dark\nkeys:\n  engines: x\n')), false);
		assert.equal(configNamesEngines(withConfig('# engines: none\ntheme: dark\n')), false);
		assert.equal(configNamesEngines(withConfig(undefined)), false);
	});
	it('is false, not an error, for a config it cannot read (the loader reports that)', () => {
		const env = withConfig(undefined);
		mkdirSync(join(env.XDG_CONFIG_HOME, 'deckhand', 'config.yaml'));
		assert.equal(configNamesEngines(env), false);
	});
});
