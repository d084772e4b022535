/**
 * Entry point of the chart view's own process. The console runs it like `docker exec`
 * (inherited terminal, Ink unmounted meanwhile) because blessed and Ink cannot share one
 * stdin in a process: after either has used it, the other no longer receives keys. Usage:
 * `node chart-process.js HOST SEED_FILE COLOR(0|1)`; the seed file holds the console's
 * stats history so the charts start with the last minutes instead of empty.
 */
import {readFileSync} from 'node:fs';
import {createConnection} from '../../docker/client.js';
import {consoleEngine} from '../data/console-engine.js';
import {createLiveSource} from '../data/live-source.js';
import type {StatsSample} from '../view/types.js';
import {chartWatchIds} from './chart-series.js';
import {showChartView} from './chart-view.js';

const [host, seedFile, color] = process.argv.slice(2);
let seedHistory: Record<string, StatsSample[]> = {};
try {
	seedHistory = seedFile ? (JSON.parse(readFileSync(seedFile, 'utf8')) as Record<string, StatsSample[]>) : {};
} catch {
	// No history to start from: the charts fill as samples arrive.
}
const source = createLiveSource(consoleEngine(createConnection({host})), {statsIntervalMs: 1000, seedHistory});
source.watchStats?.(Object.keys(seedHistory));
// Until the model has listed the containers, keep watching the seeded ones (their history stays).
const unsubscribe = source.subscribe(() => {
	const ids = chartWatchIds(source.snapshot());
	if (ids) source.watchStats?.(ids);
});
try {
	await showChartView({source, stdin: process.stdin, stdout: process.stdout, color: color !== '0'});
} finally {
	unsubscribe();
	source.close();
}
process.exit(0);
