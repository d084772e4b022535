/**
 * Short names for engines given by flags (pure): `--host` URLs are long, and the Engines
 * panel and the group headings have ~30 columns. `ssh://ops@db1:2222` → `db1:2222`,
 * `tcp://10.0.0.5:2376` → `10.0.0.5:2376`, `unix:///srv/b/docker.sock` → `b` (the socket's
 * directory when the file is docker.sock, else the file's name); a context keeps its name.
 * When two would read the same, both keep what they were given.
 */
import type {EngineSpec} from './fleet-start.js';

/** The short form of one host URL (see the file comment). */
export function shortHostName(host: string): string {
	const match = /^(\w+):\/\/(.*)$/.exec(host);
	if (!match) return host;
	const [, scheme, rest] = match as unknown as [string, string, string];
	if (scheme === 'unix' || scheme === 'npipe') {
		const parts = rest.split('/').filter(Boolean);
		const file = parts.at(-1) ?? rest;
		return (file === 'docker.sock' || file === 'podman.sock') && parts.length > 1 ? parts.at(-2)! : file;
	}
	return rest.replace(/^[^@/]*@/, '').replace(/\/.*$/, '') || host;
}

/** The specs with flag-given names shortened, unless shortening makes two names equal. */
export function shortEngineNames(specs: readonly EngineSpec[]): EngineSpec[] {
	const short = specs.map(spec => (spec.host !== undefined && spec.name === spec.host ? shortHostName(spec.host) : spec.name));
	return specs.map((spec, index) => (short.filter(name => name === short[index]).length > 1 ? spec : {...spec, name: short[index]!}));
}
