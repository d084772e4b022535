/**
 * `-f a.yaml -f b.yaml` merging, the documented subset of compose's rules, on raw (interpolated)
 * documents:
 * - mappings merge key by key, later file wins (services, networks, volumes, deploy, logging...);
 * - `environment`, `labels`, `depends_on`, `networks` (service) merge as mappings, whichever
 *   syntax (list or mapping) each file used;
 * - `ports` and `env_file` append (identical entries once);
 * - `volumes` (service) merge by container target, later file wins;
 * - every other list and scalar (`command`, `entrypoint`, `healthcheck.test`, `profiles`) is replaced.
 */

type Raw = Record<string, unknown>;

const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `['A=1', 'B']` or `{A: 1}` → mapping (list entries without `=` map to null, i.e. unset). */
export function listToMap(value: unknown, separator = '='): Raw {
	if (isMap(value)) return value;
	if (!Array.isArray(value)) return {};
	const out: Raw = {};
	for (const item of value) {
		const text = String(item);
		const at = text.indexOf(separator);
		if (at < 0) out[text] = null;
		else out[text.slice(0, at)] = text.slice(at + 1);
	}
	return out;
}

/** depends_on / networks as a list of names → mapping of empty settings. */
function namesToMap(value: unknown): Raw {
	if (isMap(value)) return value;
	if (!Array.isArray(value)) return {};
	return Object.fromEntries(value.map(name => [String(name), {}]));
}

/** The container path of a short or long volume entry. */
export function volumeTarget(entry: unknown): string {
	if (isMap(entry)) return String(entry.target ?? '');
	const parts = String(entry).split(':');
	return parts.length === 1 ? parts[0]! : parts[1]!;
}

const appendUnique = (a: unknown, b: unknown): unknown[] => {
	const out = [...(Array.isArray(a) ? a : a === undefined ? [] : [a])];
	const seen = new Set(out.map(item => JSON.stringify(item)));
	for (const item of Array.isArray(b) ? b : [b]) if (!seen.has(JSON.stringify(item))) out.push(item);
	return out;
};

function mergeService(base: Raw, over: Raw): Raw {
	const out: Raw = {...base};
	for (const [key, value] of Object.entries(over)) {
		const prior = out[key];
		if (prior === undefined) {
			out[key] = value;
			continue;
		}
		switch (key) {
			case 'environment':
			case 'labels':
				out[key] = {...listToMap(prior), ...listToMap(value)};
				break;
			case 'depends_on':
			case 'networks':
				out[key] = mergeMaps(namesToMap(prior), namesToMap(value));
				break;
			case 'ports':
			case 'env_file':
				out[key] = appendUnique(prior, value);
				break;
			case 'volumes': {
				const byTarget = new Map<string, unknown>();
				for (const entry of [...(Array.isArray(prior) ? prior : []), ...(Array.isArray(value) ? value : [])]) byTarget.set(volumeTarget(entry), entry);
				out[key] = [...byTarget.values()];
				break;
			}
			default:
				out[key] = isMap(prior) && isMap(value) ? mergeMaps(prior, value) : value;
		}
	}
	return out;
}

/** Deep mapping merge, later wins; lists and scalars replace. */
export function mergeMaps(base: Raw, over: Raw): Raw {
	const out: Raw = {...base};
	for (const [key, value] of Object.entries(over)) {
		const prior = out[key];
		out[key] = isMap(prior) && isMap(value) ? mergeMaps(prior, value) : value;
	}
	return out;
}

/** Merges whole compose documents in `-f` order. */
export function mergeComposeFiles(documents: readonly Raw[]): Raw {
	let out: Raw = {};
	for (const document of documents) {
		const {services, ...rest} = document;
		out = mergeMaps(out, rest);
		if (isMap(services)) {
			const merged: Raw = isMap(out.services) ? {...out.services} : {};
			for (const [name, service] of Object.entries(services)) {
				const prior = merged[name];
				merged[name] = isMap(prior) && isMap(service) ? mergeService(prior, service) : service;
			}
			out.services = merged;
		}
	}
	return out;
}
