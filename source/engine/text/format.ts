/**
 * The one formatter for figures a person reads, shared by the console and the CLI (`deckhand
 * status`), so both print `45M`, `12.3%` and `3m` alike. Pure; UI-free. Unknown values are `-`.
 */

/** What every formatter prints for a value that is not known (yet). */
export const unknownValue = '-';

const units = ['B', 'K', 'M', 'G', 'T'];

/** `512B`, `892K`, `45M`, `1.2G` (binary units, one letter, like `docker stats` without the `iB`), or `-`. */
export function formatBytes(value: number | null | undefined): string {
	if (value === undefined || value === null || !Number.isFinite(value) || value < 0) return unknownValue;
	let amount = value;
	let unit = 0;
	while (amount >= 1024 && unit < units.length - 1) {
		amount /= 1024;
		unit++;
	}
	// 1023.7K rounds to 1024K: step up so the text never shows four digits of a unit.
	if (Math.round(amount) >= 1024 && unit < units.length - 1) {
		amount /= 1024;
		unit++;
	}
	return `${amount < 10 && unit > 0 ? amount.toFixed(1) : Math.round(amount)}${units[unit]}`;
}

/** `12.3%`, `0.0%`, `250%` (100% is one CPU, as in `docker stats`), or `-`. */
export function formatPercent(value: number | null | undefined): string {
	if (value === undefined || value === null || !Number.isFinite(value)) return unknownValue;
	return `${value >= 100 ? Math.round(value) : value.toFixed(1)}%`;
}

/**
 * CPU use against the container's CPU limit (in CPUs), when it has one: the share of the
 * limit followed by `L` (`90%L`: 90% of what it may use); without a limit, `formatPercent`.
 */
export function formatCpu(percent: number | null | undefined, limitCpus?: number | null): string {
	if (percent === undefined || percent === null || !Number.isFinite(percent)) return unknownValue;
	if (!limitCpus || limitCpus <= 0) return formatPercent(percent);
	return `${Math.round(percent / limitCpus)}%L`;
}

/** The CPU figure spelt out for a header line: `45.0% of a 0.5 CPU limit` or `45.0%`. */
export function describeCpu(percent: number | null | undefined, limitCpus?: number | null): string {
	const value = formatPercent(percent);
	return limitCpus && limitCpus > 0 ? `${value} of a ${Number(limitCpus.toFixed(2))} CPU limit` : value;
}

/**
 * An age the way `docker ps` rounds it, short: `3s`, `59s`, `4m`, `2h`, `3d` (`0s` for the
 * future, which a skewed clock can produce), or `-`.
 */
export function formatAge(ms: number | null | undefined): string {
	if (ms === undefined || ms === null || !Number.isFinite(ms)) return unknownValue;
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
	return `${Math.floor(seconds / 86_400)}d`;
}
