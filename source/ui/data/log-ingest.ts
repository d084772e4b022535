/**
 * Where followed log lines go between the stream and the Logs tab, pure (no timers, no
 * React): one container's batches go straight into the ring buffer as they arrive (the
 * line objects as they are, no copy per line); several containers' batches wait, each cut
 * to the capacity, until `commit` merges them in time order. The caller commits once per
 * frame, so however chatty the containers are, the work per line is a push and the work
 * per frame is one merge.
 */
import {mergeByTime} from '../../engine/logs/merge.js';
import type {RingBuffer} from '../../engine/logs/ring-buffer.js';
import type {LogLine} from '../view/types.js';

/** One buffered line and the index of the container it came from (absent: the only one). */
export type LogEntry = LogLine & {readonly source?: number};

/** Batches of log lines on their way into a ring buffer. */
export class LogIngest {
	private readonly pending: LogEntry[][];

	/** Lines of `sources` containers (indexes 0 … sources-1) into `buffer`. */
	constructor(
		readonly buffer: RingBuffer<LogEntry>,
		readonly sources: number,
	) {
		this.pending = Array.from({length: sources}, () => []);
	}

	/** Takes one batch of container `source`'s lines (in its order). */
	add(source: number, lines: readonly LogLine[]): void {
		if (this.sources === 1) {
			this.buffer.pushAll(lines);
			return;
		}
		const waiting = this.pending[source];
		if (!waiting) return;
		for (const line of lines) waiting.push({...line, source});
		// A stalled frame cannot grow memory: only the newest `capacity` lines can ever be shown.
		if (waiting.length > this.buffer.capacity) waiting.splice(0, waiting.length - this.buffer.capacity);
	}

	/** Moves the waiting lines into the buffer in time order; returns the buffer's pushed count (its version). */
	commit(): number {
		if (this.sources > 1 && this.pending.some(lines => lines.length > 0)) {
			this.buffer.pushAll(mergeByTime(this.pending));
			for (const lines of this.pending) lines.length = 0;
		}
		return this.buffer.pushedCount;
	}
}
