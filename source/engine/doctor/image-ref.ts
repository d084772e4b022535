/**
 * Image references as the doctor needs them: is it pinned, and is it a well-known database or
 * cache (and where does that keep its data).
 */

/** An image reference split into repository, tag and digest. */
export type ImageRef = {
	readonly repository: string;
	/** Last path segment of the repository, e.g. `postgres` for `docker.io/library/postgres`. */
	readonly name: string;
	readonly tag?: string;
	readonly digest?: string;
};

/** Splits `registry:5000/org/name:tag@sha256:...`. */
export function parseImageRef(reference: string): ImageRef {
	const [withoutDigest, digest] = reference.trim().split('@', 2) as [string, string | undefined];
	const lastSlash = withoutDigest.lastIndexOf('/');
	const colon = withoutDigest.indexOf(':', lastSlash + 1);
	const repository = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
	const tag = colon < 0 ? undefined : withoutDigest.slice(colon + 1);
	return {repository, name: repository.slice(repository.lastIndexOf('/') + 1).toLowerCase(), tag: tag || undefined, digest: digest || undefined};
}

/** Why a reference is not pinned (`untagged`, `latest`), or undefined when it has a version tag or digest. */
export function unpinnedReason(reference: string): 'untagged' | 'latest' | undefined {
	const ref = parseImageRef(reference);
	if (ref.digest) return undefined;
	if (!ref.tag) return 'untagged';
	return ref.tag === 'latest' ? 'latest' : undefined;
}

/** Whether a reference still contains unresolved variables (`${BASE}`), so nothing can be said about it. */
export const hasVariables = (reference: string): boolean => /\$/.test(reference);

/** A well-known stateful image: its kind and the data directory that needs a volume (undefined for pure caches). */
export type DataStore = {readonly name: string; readonly dataDir?: string};

const dataStores: Readonly<Record<string, string | undefined>> = {
	postgres: '/var/lib/postgresql/data',
	postgis: '/var/lib/postgresql/data',
	'timescaledb': '/var/lib/postgresql/data',
	'timescaledb-ha': '/home/postgres/pgdata',
	mysql: '/var/lib/mysql',
	mariadb: '/var/lib/mysql',
	percona: '/var/lib/mysql',
	'percona-server': '/var/lib/mysql',
	mongo: '/data/db',
	mongodb: '/data/db',
	'mongodb-community-server': '/data/db',
	redis: '/data',
	'redis-stack-server': '/data',
	valkey: '/data',
	keydb: '/data',
	memcached: undefined,
	elasticsearch: '/usr/share/elasticsearch/data',
	opensearch: '/usr/share/opensearch/data',
	cassandra: '/var/lib/cassandra',
	couchdb: '/opt/couchdb/data',
	influxdb: '/var/lib/influxdb2',
	'clickhouse-server': '/var/lib/clickhouse',
	neo4j: '/data',
	rabbitmq: '/var/lib/rabbitmq',
};

/** The database or cache an image runs, by its repository name, or undefined. */
export function dataStoreOf(reference: string): DataStore | undefined {
	const {name} = parseImageRef(reference);
	return name in dataStores ? {name, dataDir: dataStores[name]} : undefined;
}
