import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseConsoleArgv} from '../source/console-argv.js';

test('the plain console flags parse without meow', () => {
	assert.deepEqual(parseConsoleArgv([]), {readOnly: false});
	assert.deepEqual(parseConsoleArgv(['--host', 'unix:///a.sock', '--theme=mono', '--read-only']), {host: 'unix:///a.sock', theme: 'mono', readOnly: true});
	assert.deepEqual(parseConsoleArgv(['-c', 'prod']), {context: 'prod', readOnly: false});
	assert.deepEqual(parseConsoleArgv(['-H', 'tcp://h:2375']), {host: 'tcp://h:2375', readOnly: false});
});

test('anything beyond the plain shapes is left to meow', () => {
	for (const argv of [['--help'], ['--version'], ['--bogus'], ['--host'], ['--host', '--read-only'], ['--host='], ['-Hx'], ['--theme', 'a', '--theme', 'b'], ['--read-only', '--read-only'], ['status'], ['--']]) {
		assert.equal(parseConsoleArgv(argv), undefined, argv.join(' '));
	}
});
