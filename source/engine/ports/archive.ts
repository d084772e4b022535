/** The archive port: files in and out of a container as tar streams. */

/** What Docker says about a path in a container (X-Docker-Container-Path-Stat). */
export type ContainerPathStat = {
	readonly name: string;
	readonly size: number;
	/** Go's os.FileMode bits: the directory bit is 1 << 31. */
	readonly mode: number;
	readonly isDirectory: boolean;
	readonly linkTarget: string;
};

/** Archive. */
export type ArchivePort = {
	/** Stats a path; undefined when it does not exist. */
	stat(id: string, path: string): Promise<ContainerPathStat | undefined>;
	/** A tar of a path (entries prefixed with its base name); undefined when it does not exist. */
	read(id: string, path: string): Promise<NodeJS.ReadableStream | undefined>;
	/** Extracts a tar (plain or compressed) into an existing directory; resolves once extracted. */
	write(id: string, directory: string, tar: NodeJS.ReadableStream | Buffer): Promise<void>;
};
