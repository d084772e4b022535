import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createFrameClock} from '../../../source/ui/data/frame-clock.js';
import {fakeScheduler} from '../../helpers/fake-scheduler.js';


describe('frame clock', () => {
	it('publishes the view and the logs in one callback: one frame for both', () => {
		const {scheduler, advance} = fakeScheduler(1000);
		const clock = createFrameClock(500, scheduler);
		const frames: string[][] = [];
		let frame: string[] = [];
		const view = () => frame.push('view');
		const logs = () => frame.push('logs');
		const requestBoth = () => {
			clock.request(view);
			clock.request(logs);
		};
		requestBoth();
		advance(0);
		frames.push(frame);
		frame = [];
		// A burst within the next interval: each publisher once, in the same frame, at its end.
		for (let index = 0; index < 100; index++) requestBoth();
		advance(499);
		assert.deepEqual(frame, [], 'nothing before the interval ends');
		advance(1);
		frames.push(frame);
		assert.deepEqual(frames, [['view', 'logs'], ['view', 'logs']]);
	});

	it('runs the first request after a quiet spell at once, and at most one frame per interval under a stream', () => {
		const {scheduler, advance} = fakeScheduler(1000);
		const clock = createFrameClock(500, scheduler);
		const at: number[] = [];
		const publish = () => at.push(scheduler.now());
		for (let ms = 0; ms < 2000; ms += 10) {
			clock.request(publish);
			advance(10);
		}
		assert.deepEqual(at, [1000, 1500, 2000, 2500, 3000]);
	});

	it('flushNow publishes the urgent change and everything pending at once', () => {
		const {scheduler, advance, pending} = fakeScheduler(1000);
		const clock = createFrameClock(500, scheduler);
		const seen: string[] = [];
		clock.request(() => seen.push('first'));
		advance(0);
		clock.request(() => seen.push('logs'));
		clock.flushNow(() => seen.push('died'));
		assert.deepEqual(seen, ['first', 'logs', 'died']);
		assert.equal(pending(), 0, 'the pending frame was dropped, not run twice');
	});

	it('forgets a withdrawn publisher (its tab closed before the frame)', () => {
		const {scheduler, advance} = fakeScheduler(1000);
		const clock = createFrameClock(500, scheduler);
		const seen: string[] = [];
		const logs = () => seen.push('logs');
		clock.request(() => seen.push('view'));
		advance(0);
		clock.request(logs);
		clock.withdraw(logs);
		advance(1000);
		assert.deepEqual(seen, ['view']);
	});
});
