/**
 * Files in and out of a container as tar streams (Docker's archive endpoints): the backup
 * (`getArchive`), the upload into a staging directory (`putArchive`) and a path's stat.
 */
import type Docker from 'dockerode';

/** What Docker says about a path in a container (X-Docker-Container-Path-Stat). */
export type ContainerPathStat = {
	readonly name: string;
	readonly size: number;
	/** Go's os.FileMode bits: the directory bit is 1 << 31. */
	readonly mode: number;
	readonly isDirectory: boolean;
	readonly linkTarget: string;
};

const notFound = (error: unknown) => (error as {statusCode?: number}).statusCode === 404;

/** Stats a path in a container; undefined when it does not exist. */
export async function statContainerPath(docker: Docker, id: string, path: string): Promise<ContainerPathStat | undefined> {
	try {
		const response = (await docker.getContainer(id).infoArchive({path})) as {headers?: Record<string, string>; resume?: () => void};
		response.resume?.();
		const header = response.headers?.['x-docker-container-path-stat'];
		if (!header) return undefined;
		const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {name: string; size: number; mode: number; linkTarget: string};
		return {...stat, isDirectory: (stat.mode & 0x80_00_00_00) !== 0 || stat.mode >= 2 ** 31};
	} catch (error) {
		if (notFound(error)) return undefined;
		throw error;
	}
}

/**
 * A tar stream of a path in a container (entries are prefixed with the path's base name,
 * as `docker cp` does); undefined when the path does not exist.
 */
export async function readContainerArchive(docker: Docker, id: string, path: string): Promise<NodeJS.ReadableStream | undefined> {
	try {
		return await docker.getContainer(id).getArchive({path});
	} catch (error) {
		if (notFound(error)) return undefined;
		throw error;
	}
}

/**
 * Extracts a tar stream (plain or gzip/bzip2/xz; Docker detects it) into an existing directory
 * of a container. Resolves once Docker has extracted everything.
 */
export async function writeContainerArchive(docker: Docker, id: string, directory: string, tar: NodeJS.ReadableStream | Buffer): Promise<void> {
	const response = (await docker.getContainer(id).putArchive(tar, {path: directory, noOverwriteDirNonDir: 'true'})) as unknown as {resume?: () => void} | undefined;
	response?.resume?.();
}
