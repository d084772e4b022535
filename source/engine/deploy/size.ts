/** Byte sizes as operators type them: `1024`, `64k`, `512MiB`, `1.5G` (binary multiples). */

const units: Readonly<Record<string, number>> = {'': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3};

/** Parses a size into bytes; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
	const match = text.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/i);
	const unit = match ? units[match[2]!.toLowerCase()] : undefined;
	if (!match || unit === undefined) return undefined;
	const bytes = Math.floor(Number(match[1]) * unit);
	return bytes > 0 ? bytes : undefined;
}
