/**
 * The archive port over dockerode: files in and out of a container as tar streams (the
 * backup's `getArchive`, the upload's `putArchive`) and a path's stat.
 */
import type Docker from 'dockerode';
import {isNotFound, type ArchivePort} from '../engine/ports/index.js';

/** The archive port for one client. */
export function archiveAdapter(docker: Docker): ArchivePort {
	return {
		async stat(id, path) {
			try {
				const response = (await docker.getContainer(id).infoArchive({path})) as {headers?: Record<string, string>; resume?: () => void};
				response.resume?.();
				const header = response.headers?.['x-docker-container-path-stat'];
				if (!header) return undefined;
				const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {name: string; size: number; mode: number; linkTarget: string};
				return {...stat, isDirectory: (stat.mode & 0x80_00_00_00) !== 0 || stat.mode >= 2 ** 31};
			} catch (error) {
				if (isNotFound(error)) return undefined;
				throw error;
			}
		},
		async read(id, path) {
			try {
				return await docker.getContainer(id).getArchive({path});
			} catch (error) {
				if (isNotFound(error)) return undefined;
				throw error;
			}
		},
		async write(id, directory, tar) {
			const response = (await docker.getContainer(id).putArchive(tar, {path: directory, noOverwriteDirNonDir: 'true'})) as unknown as {resume?: () => void} | undefined;
			response?.resume?.();
		},
	};
}
