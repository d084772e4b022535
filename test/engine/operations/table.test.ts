import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {commands} from '../../../source/commands/index.js';
import {parseArgs} from '../../../source/commands/parse-args.js';
import {operationFlags} from '../../../source/commands/flags.js';
import {operations, readOnlyRefusal} from '../../../source/engine/operations/index.js';
import {defaultCommands} from '../../../source/ui/keys/commands.js';
import {commandOperations, refusedWhenReadOnly} from '../../../source/ui/state/command-operations.js';
import {buildKeymap} from '../../../source/ui/keys/keymap.js';

describe('operations table', () => {
	it('every console key that acts on the engine maps to an operation', () => {
		const acting = defaultCommands.filter(command => command.dangerous || command.mutating);
		assert.ok(acting.length >= 10);
		for (const command of acting) assert.ok(commandOperations[command.id] && operations[commandOperations[command.id]!], `${command.id} has no operation`);
	});

	it('every operation has a CLI command, or says why it is console-only; every operation command exists', async () => {
		for (const operation of Object.values(operations) as Array<{id: string; command?: string; consoleOnly?: string}>) {
			if (operation.command === undefined) {
				assert.ok(operation.consoleOnly, `${operation.id} has neither a command nor a reason`);
				continue;
			}
			const name = operation.command.split(' ')[0]!;
			assert.ok(commands[name], `${operation.id}: no command ${name}`);
			assert.equal((await commands[name]!()).name, name);
		}
		// And vice versa: the commands that change the engine are operations.
		for (const name of ['up', 'down', 'restart', 'stop', 'start', 'reload', 'deploy', 'rollback', 'scale']) {
			assert.ok((Object.values(operations) as Array<{command?: string}>).some(operation => operation.command?.split(' ')[0] === name), `command ${name} runs no operation`);
		}
	});

	it('read-only is one decision: the runner refuses dangerous operations and the key map removes the same keys', () => {
		for (const operation of Object.values(operations)) {
			assert.equal(readOnlyRefusal(operation, {readOnly: true}), operation.dangerous ? `read-only: ${operation.id} changes the engine (started with --read-only)` : undefined);
			assert.equal(readOnlyRefusal(operation, {readOnly: false}), undefined);
		}
		const readOnly = buildKeymap({readOnly: true});
		for (const command of defaultCommands) {
			assert.equal(readOnly.commands.some(kept => kept.id === command.id), !refusedWhenReadOnly(command), command.id);
		}
	});

	it('the palette parser reads the commands\' own flag specs', () => {
		assert.deepEqual(parseArgs(['api', '/tmp/a.tgz', '--path', '/app', '--no-reload', '--keep=3'], operationFlags.deploy), {input: ['api', '/tmp/a.tgz'], flags: {reload: false, json: false, path: '/app', keep: 3}});
		assert.deepEqual((parseArgs(['api', '--with-dependents'], operationFlags.restart) as {flags: Record<string, unknown>}).flags.withDependents, true);
		assert.deepEqual(parseArgs(['--bogus'], operationFlags.restart), {error: 'unknown option --bogus'});
		assert.deepEqual(parseArgs(['--path'], operationFlags.deploy), {error: '--path needs a value'});
	});
});
