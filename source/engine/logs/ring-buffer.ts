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
	private pushed = 0;

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

	/**
	 * How many items were ever pushed (since creation or the last clear): the sequence number
	 * the next item gets. Item `seq` is held while `seq >= firstSequence`.
	 */
	get pushedCount(): number {
		return this.pushed;
	}

	/** The sequence number of the oldest item held (equals pushedCount when empty). */
	get firstSequence(): number {
		return this.pushed - this.count;
	}

	/** Appends items, dropping the oldest ones beyond capacity. */
	push(...values: T[]): void {
		this.pushAll(values);
	}

	/** Appends a batch of items (any length: no spread of arguments), dropping the oldest beyond capacity. */
	pushAll(values: Iterable<T>): void {
		for (const value of values) {
			this.pushed++;
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

	/** The item `offset` places after the oldest one held (undefined outside 0..size-1). */
	at(offset: number): T | undefined {
		if (!Number.isInteger(offset) || offset < 0 || offset >= this.count) return undefined;
		return this.items[(this.start + offset) % this.capacity];
	}

	/** The item with sequence number `seq` (see pushedCount), if it is still held. */
	bySequence(seq: number): T | undefined {
		return this.at(seq - this.firstSequence);
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
		this.pushed = 0;
	}
}
