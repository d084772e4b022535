/**
 * The console's own cost of following a chatty container, without Docker and without tmux:
 * the real App (default theme, 200x50, 30 containers whose stats change twice a second) on
 * a fake terminal, its Logs tab following one container through the real follower
 * (`followLogs` over Docker's multiplexed frames in ~16 KiB chunks) fed 200 lines every
 * 100 ms. Every 500 ms `t` (timestamps) is typed; the key's latency is measured from the
 * keystroke to the first frame written that shows its effect. Reports process CPU (% of a
 * core, user + system, so the machine's other load does not count), frames per second,
 * bytes per frame, key p50/p95/max and the heap before and after.
 * Run: node --import tsx bench/logs-render.ts [SECONDS=20] [LINES_PER_SECOND=2000]
 */
import {PassThrough, Writable} from 'node:stream';
import type {ConsoleSource, ConsoleView, ContainerView} from '../source/ui/view/types.js';
import {fakeSource} from '../test/ui/fake-source.js';
import {percentile} from './lib/proc.js';

const seconds = Number(process.argv[2] ?? 20);
const linesPerSecond = Number(process.argv[3] ?? 2000);
// tmux advertises 256 colours: the frames carry the colour escapes a real terminal gets.
process.env.FORCE_COLOR ??= '2';
// As the bundle does: React's production build.
process.env.NODE_ENV ??= 'production';
const {createElement} = await import('react');
const {render} = await import('ink');
const {App} = await import('../source/ui/app.js');
const {buildKeymap} = await import('../source/ui/keys/keymap.js');
const {initialState} = await import('../source/ui/state/console-state.js');
const {builtinThemeDirectory, loadTheme} = await import('../source/ui/theme/theme.js');
const {followLogs} = await import('../source/engine/logs/follow.js');
const {encodeFrame} = await import('../source/engine/logs/demux.js');

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** 30 running containers, the chatty one first by name. */
function workloadView(tick: number): Partial<ConsoleView> {
	const containers: ContainerView[] = Array.from({length: 30}, (_, index) => ({
		id: `c${String(index).padStart(3, '0')}${'0'.repeat(60)}`,
		name: `/bench-${index < 3 ? 'chatty' : 'steady'}-${String(index).padStart(3, '0')}`,
		image: 'deckhand-test/busybox:1',
		state: 'running',
		health: index % 3 === 2 ? 'healthy' : 'none',
		startedAtMs: Date.now() - 60_000,
		cpuPercent: ((index * 7 + tick) % 40) / 10,
		memoryBytes: (400 + ((index + tick) % 9)) * 1024,
	}));
	return {services: [], containers};
}

/** One batch of the chatty container's output as Docker sends it (timestamps on), cut into socket-sized chunks. */
function chatty(batch: number, lines: number): Buffer[] {
	const stamp = new Date().toISOString().replace('Z', '000000Z');
	const text = Array.from({length: lines}, (_, index) =>
		index % 50 === 0
			? `${stamp} chatty ERROR request ${batch}.${index} failed upstream=db-primary status=503 retry=later\n`
			: `${stamp} chatty INFO request ${batch}.${index} ok path=/api/items/${index} bytes=2048 cache=miss\n`,
	);
	const all = Buffer.concat(text.map(line => encodeFrame('stdout', line)));
	const chunks: Buffer[] = [];
	for (let offset = 0; offset < all.length; offset += 16_384) chunks.push(all.subarray(offset, offset + 16_384));
	return chunks;
}

const source = fakeSource();
source.update(workloadView(0));
const stop = new AbortController();
const feed: ConsoleSource['followLogs'] = (id, onLines, signal) => {
	void followLogs(
		{
			async open() {
				return {
					tty: false,
					chunks: (async function* () {
						for (let batch = 0; !signal.aborted && !stop.signal.aborted; batch++) {
							yield* chatty(batch, linesPerSecond / 10);
							await sleep(100);
						}
					})(),
				};
			},
			waitUntilRunning: async () => 'gone',
		},
		id,
		{follow: false, signal, onLines: lines => onLines(lines.map(line => ({stream: line.stream === 'stderr' ? 'stderr' : 'stdout', text: line.text, time: line.timestamp})))},
	);
};
source.followLogs = feed;

// A terminal: 200x50, a TTY, that keeps the frames written.
const writes: Array<{at: number; text: string}> = [];
let bytes = 0;
let writeCount = 0;
const stdout = Object.assign(
	new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			const text = chunk.toString();
			bytes += Buffer.byteLength(text);
			writeCount++;
			writes.push({at: performance.now(), text});
			if (writes.length > 64) writes.splice(0, writes.length - 64);
			done();
		},
	}),
	{isTTY: true, columns: 200, rows: 50},
) as unknown as NodeJS.WriteStream;
const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined}) as unknown as NodeJS.ReadStream;

const theme = loadTheme('default', {directories: [builtinThemeDirectory()]});
const state = {...initialState('default'), panel: 'containers' as const, panelChosen: true, focus: 'main' as const, sort: 'name' as const};
const instance = render(createElement(App, {source, keymap: buildKeymap(), theme, loadTheme: () => theme, initialState: state, interactive: true}), {
	stdout,
	stdin,
	exitOnCtrlC: false,
	patchConsole: false,
	incrementalRendering: true,
	maxFps: 30,
});

let tick = 0;
const stats = setInterval(() => source.update(workloadView(++tick)), 500);
const timestamp = /\d\d:\d\d:\d\dZ/;
await sleep(2000);
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const bytesBefore = bytes;
const writesBefore = writeCount;
const latencies: number[] = [];
let on = false;
while (performance.now() - started < seconds * 1000) {
	on = !on;
	const sent = performance.now();
	stdin.write('t');
	// The effect: a frame with timestamps on log rows (on), or a log row without one (off).
	for (;;) {
		const shown = writes.find(write => write.at >= sent && write.text.includes('chatty') && timestamp.test(write.text) === on);
		if (shown) {
			latencies.push(shown.at - sent);
			break;
		}
		if (performance.now() - sent > 5000) {
			latencies.push(Number.POSITIVE_INFINITY);
			break;
		}
		await sleep(2);
	}
	await sleep(Math.max(0, 500 - (performance.now() - sent)));
}
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const heapAfter = process.memoryUsage().heapUsed;
clearInterval(stats);
stop.abort();
instance.unmount();
const mib = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MiB`;
console.log(
	`logs-render: ${linesPerSecond} lines/s, ${(elapsed / 1000).toFixed(0)} s: CPU ${(((cpu.user + cpu.system) / 1000 / elapsed) * 100).toFixed(1)} % of a core, ` +
		`${((writeCount - writesBefore) / (elapsed / 1000)).toFixed(1)} writes/s, ${((bytes - bytesBefore) / 1024 / (elapsed / 1000)).toFixed(1)} KiB/s, ` +
		`key p50 ${percentile(latencies, 50).toFixed(0)} ms p95 ${percentile(latencies, 95).toFixed(0)} ms max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} keys), heap ${mib(heapBefore)} → ${mib(heapAfter)}`,
);
process.exit(0);
