/**
 * The floor of following a chatty container, without any drawing: CPU to decode Docker's
 * multiplexed frames (in ~16 KiB socket-sized chunks), read each line's timestamp (as the
 * follower does to resume), build the console's line objects and push them into the ring
 * buffer. Reported as % of a core at 2,000 lines/s.
 * Run: node --import tsx bench/log-ingest.ts [LINES=20000]
 */
import {createLogDecoder} from '../source/engine/logs/decode.js';
import {encodeFrame} from '../source/engine/logs/demux.js';
import {RingBuffer} from '../source/engine/logs/ring-buffer.js';
import {timestampNanos} from '../source/engine/logs/timestamps.js';

const lines = Number(process.argv[2] ?? 20_000);
const all = Buffer.concat(
	Array.from({length: lines}, (_, index) => encodeFrame('stdout', `2026-12-03T09:34:17.${String(index).padStart(9, '0')}Z chatty INFO request 55.${index} ok path=/api/items/${index} bytes=2048 cache=miss\n`)),
);
const chunks: Buffer[] = [];
for (let offset = 0; offset < all.length; offset += 16_384) chunks.push(all.subarray(offset, offset + 16_384));

const ring = new RingBuffer<{stream: string; text: string; time: string; source: number}>(10_000);
const start = process.cpuUsage();
const decoder = createLogDecoder(false);
for (const chunk of chunks) {
	const fresh = decoder.push(chunk).filter(line => timestampNanos(line.timestamp) !== undefined);
	ring.pushAll(fresh.map(line => ({stream: line.stream, text: line.text, time: line.timestamp, source: 0})));
}
const used = process.cpuUsage(start);
const ms = (used.user + used.system) / 1000;
console.log(`ingest: ${lines} lines in ${ms.toFixed(0)} ms of CPU → ${((ms / (lines / 2000)) / 10).toFixed(2)} % of a core at 2,000 lines/s (${ring.size} held)`);
