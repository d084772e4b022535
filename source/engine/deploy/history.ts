/**
 * The deploy history: one JSON line per deploy or rollback in `<state>/deploys.jsonl`.
 * `readDeployHistory` is what `status --deploys` and the console show.
 */
import {appendFile, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {ensureDirectory, stateDirectory} from './state.js';

/** How a deploy ended. */
export type DeployResultKind = 'ok' | 'rolled-back' | 'failed';

/** One line of the history. */
export type DeployRecord = {
	/** ISO time the action started. */
	readonly time: string;
	readonly action: 'deploy' | 'rollback';
	readonly service: string;
	readonly container: string;
	readonly containerId: string;
	/** Target directory in the container. */
	readonly path: string;
	readonly tarball?: string;
	readonly tarballSha256?: string;
	readonly contentSha256?: string;
	/** Backup taken before (deploy) or restored (rollback). */
	readonly backup?: string;
	readonly result: DeployResultKind;
	/** What failed (result not ok). */
	readonly error?: string;
	/** The readiness probe's last output when it failed. */
	readonly lastOutput?: string;
	/** Milliseconds per step (validate, backup, upload, swap, reload, ready, restore, total) and notReady. */
	readonly durations: Readonly<Record<string, number>>;
};

/** Path of the history file. */
export const historyPath = (env: NodeJS.ProcessEnv = process.env): string => join(stateDirectory(env), 'deploys.jsonl');

/** Appends one record. */
export async function appendDeployRecord(record: DeployRecord, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	await ensureDirectory(stateDirectory(env));
	await appendFile(historyPath(env), `${JSON.stringify(record)}\n`, {mode: 0o600});
}

/** Options of `readDeployHistory`. */
export type HistoryQuery = {
	readonly env?: NodeJS.ProcessEnv;
	/** Only this service (as recorded: the container name). */
	readonly service?: string;
	/** Only the newest N (after filtering). */
	readonly limit?: number;
};

/** Parses history text; lines that are not records are skipped. Oldest first. */
export function parseDeployHistory(text: string): DeployRecord[] {
	const records: DeployRecord[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		try {
			const record = JSON.parse(line) as DeployRecord;
			if (typeof record.time === 'string' && typeof record.service === 'string' && typeof record.result === 'string') records.push(record);
		} catch {
			// A torn last line (crash mid-write) is skipped, not fatal.
		}
	}
	return records;
}

/** The deploy history, oldest first; empty when there is none yet. */
export async function readDeployHistory(query: HistoryQuery = {}): Promise<DeployRecord[]> {
	const text = await readFile(historyPath(query.env), 'utf8').catch(() => '');
	const records = parseDeployHistory(text).filter(record => query.service === undefined || record.service === query.service || record.container === query.service);
	return query.limit === undefined ? records : records.slice(-query.limit);
}
