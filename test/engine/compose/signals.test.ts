import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {normaliseSignal} from '../../../source/engine/compose/signals.js';

describe('signals Docker accepts', () => {
	it('names them the way Docker does, with or without SIG, in any case', () => {
		assert.equal(normaliseSignal('SIGHUP'), 'SIGHUP');
		assert.equal(normaliseSignal('hup'), 'SIGHUP');
		assert.equal(normaliseSignal('usr1'), 'SIGUSR1');
		assert.equal(normaliseSignal('SIGRTMIN+3'), 'SIGRTMIN+3');
		assert.equal(normaliseSignal('RTMAX-2'), 'SIGRTMAX-2');
	});
	it('maps Linux numbers to names', () => {
		assert.equal(normaliseSignal('1'), 'SIGHUP');
		assert.equal(normaliseSignal('9'), 'SIGKILL');
		assert.equal(normaliseSignal('15'), 'SIGTERM');
		assert.equal(normaliseSignal('34'), 'SIGRTMIN');
		assert.equal(normaliseSignal('35'), 'SIGRTMIN+1');
		assert.equal(normaliseSignal('64'), 'SIGRTMAX');
	});
	it('refuses what Docker refuses', () => {
		for (const bad of ['SIGBOGUS', '999', '0', '32', '65', 'RTMIN+16', 'RTMIN-1', 'RTMAX+1', '', 'SIG', 'HUP;rm', '-1']) assert.equal(normaliseSignal(bad), undefined, bad);
	});
});
