/**
 * A fixed-capacity FIFO: pushing past capacity drops the oldest entries, so a chatty log or
 * a long stats history never grows memory without bound.
 */

/** A bounded buffer that keeps the newest `capacity` items in insertion order. */
export class RingBuffer<T> {
	private readonly items: Array<T | undefined>;
	private start = 0;
	private count = 0;
	private dropped = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
		this.items = new Array<T | undefined>(capacity);
	}

	/** How many items are held now. */
	get size(): number {
		return this.count;
	}

	/** How many items were pushed out since creation (or the last clear). */
	get droppedCount(): number {
		return this.dropped;
	}

	/** Appends items, dropping the oldest ones beyond capacity. */
	push(...values: T[]): void {
		for (const value of values) {
			const index = (this.start + this.count) % this.capacity;
			this.items[index] = value;
			if (this.count < this.capacity) this.count++;
			else {
				this.start = (this.start + 1) % this.capacity;
				this.dropped++;
			}
		}
	}

	/** The newest item, if any. */
	last(): T | undefined {
		return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
	}

	/** Items oldest first (a copy). */
	toArray(): T[] {
		const result: T[] = [];
		for (let offset = 0; offset < this.count; offset++) result.push(this.items[(this.start + offset) % this.capacity] as T);
		return result;
	}

	/** Empties the buffer. */
	clear(): void {
		this.items.fill(undefined);
		this.start = 0;
		this.count = 0;
		this.dropped = 0;
	}
}
