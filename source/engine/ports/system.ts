/**
 * The system port: the daemon's version and info, and images/networks/volumes; and the
 * host-facts port: this process's own /proc, which mode detection reads.
 */

/** The version endpoint, the fields the engine reads. */
export type EngineVersion = {
	readonly Version: string;
	readonly ApiVersion: string;
	readonly Os?: string;
	readonly Arch: string;
	readonly KernelVersion: string;
	readonly Components?: ReadonlyArray<{readonly Name?: string}> | null;
	readonly Platform?: {readonly Name?: string} | null;
};

/** The info endpoint, the fields the engine reads. */
export type EngineInfo = {
	readonly OperatingSystem?: string;
	readonly CgroupVersion?: string;
	readonly CgroupDriver?: string;
	/** The daemon's clock (RFC 3339). */
	readonly SystemTime?: string;
	readonly Swarm?: {readonly NodeID?: string; readonly LocalNodeState?: string; readonly ControlAvailable?: boolean};
};

/** A named resource row (image, volume, network). */
export type ResourceFacts = {readonly id: string; readonly name: string; readonly detail: string};

/** A local image (for the "missing image" check; never pulls). */
export type LocalImage = {readonly Id: string; readonly RepoTags?: string[] | null; readonly RepoDigests?: string[] | null};

/** The daemon itself and its images, networks and volumes. */
export type SystemPort = {
	/** Resolves when the engine answers `/_ping` within `deadlineMs`; rejects otherwise (liveness). */
	ping(deadlineMs: number): Promise<void>;
	version(): Promise<EngineVersion>;
	info(): Promise<EngineInfo>;
	images(): Promise<LocalImage[]>;
	/** Images, volumes and networks as short rows. */
	resources(): Promise<{images: ResourceFacts[]; volumes: ResourceFacts[]; networks: ResourceFacts[]}>;
	/** Creates a network unless one of that name exists. */
	ensureNetwork(name: string, options: {readonly labels: Readonly<Record<string, string>>; readonly driver?: string; readonly attachable?: boolean}): Promise<void>;
	/** Creates a named volume unless it exists. */
	ensureVolume(name: string, options: {readonly labels: Readonly<Record<string, string>>; readonly driver?: string}): Promise<void>;
	/** Removes the networks (and with `volumes` the volumes) carrying `label`; returns the names removed. */
	removeLabelled(label: string, options: {readonly volumes: boolean}): Promise<string[]>;
};

/** Where this process's local facts come from (tests substitute their own). */
export type HostFactsPort = {
	readonly mountinfo: () => Promise<string | undefined>;
	readonly cgroup: () => Promise<string | undefined>;
	readonly processNames: () => Promise<readonly string[] | undefined>;
};

/** How the engine was reached, as mode detection and `deckhand mode` need it. */
export type EndpointFacts = {
	readonly kind: 'unix' | 'tcp' | 'ssh';
	readonly host: string;
	readonly source: string;
	readonly context?: string;
};
