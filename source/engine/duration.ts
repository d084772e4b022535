/**
 * Durations as compose and Go write them: `250ms`, `5s`, `1m30s`, `2h`, `1.5s`, `0`.
 * A bare number is seconds (CLI convenience: `--timeout 30`).
 */
const units: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** Parses a duration to milliseconds, or returns undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
	let total = 0;
	let consumed = 0;
	for (let match = part.exec(trimmed); match; match = part.exec(trimmed)) {
		total += Number(match[1]) * units[match[2]!]!;
		consumed = part.lastIndex;
	}
	return consumed === trimmed.length ? total : undefined;
}

/** Formats milliseconds the short way operators read them: `850ms`, `4.2s`, `3m05s`. */
export function formatDuration(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)}ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
	const minutes = Math.floor(ms / 60_000);
	const seconds = Math.round((ms % 60_000) / 1000);
	return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
