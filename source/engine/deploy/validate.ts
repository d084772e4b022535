/**
 * Validation of an app tarball before anything is touched: one pass over the stream (gzip or
 * plain tar) applying tar-rules to every header, hashing every file, reading the manifest, and
 * checking the content checksum. Pure over a stream: no Docker, no files.
 */
import {createHash} from 'node:crypto';
import {PassThrough, type Readable} from 'node:stream';
import {createGunzip} from 'node:zlib';
import * as tar from 'tar-stream';
import {UsageError} from '../errors.js';
import {manifestName, parseManifest, type Manifest} from './manifest.js';
import {checkEntry, checkSymlinks, defaultTarLimits, newTarScan, normaliseEntryPath, scannedDigest, type TarLimits} from './tar-rules.js';

/** What a valid tarball is. */
export type TarballReport = {
	readonly manifest: Manifest;
	readonly contentSha256: string;
	/** sha256 of the tarball's bytes as read (compressed). */
	readonly tarballSha256: string;
	readonly entries: number;
	/** Uncompressed size of the files. */
	readonly bytes: number;
};

const maxManifestBytes = 1024 * 1024;

/** Passes the stream through, gunzipping it when it starts with gzip's magic bytes; hashes the raw bytes. */
function decompressing(input: Readable, onRaw: (chunk: Buffer) => void): Readable {
	const output = new PassThrough();
	let sink: NodeJS.WritableStream | undefined;
	input.on('data', (chunk: Buffer) => {
		onRaw(chunk);
		if (!sink) {
			if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
				const gunzip = createGunzip();
				gunzip.on('error', error => output.destroy(error));
				gunzip.pipe(output);
				sink = gunzip;
			} else sink = output;
		}
		if (!sink.write(chunk)) {
			input.pause();
			(sink as PassThrough).once('drain', () => input.resume());
		}
	});
	input.on('end', () => (sink ?? output).end());
	input.on('error', error => output.destroy(error));
	return output;
}

const rejected = (problem: string) => new UsageError(`tarball rejected: ${problem}; nothing was changed`);

/**
 * Reads a whole tarball and returns its report; throws UsageError naming the first problem
 * (unsafe entry, too big, no manifest, checksum mismatch, not a tar at all).
 */
export async function validateTarball(source: Readable, limits: TarLimits = defaultTarLimits): Promise<TarballReport> {
	const raw = createHash('sha256');
	const inputEnded = new Promise<void>(resolve => source.once('end', resolve));
	const stream = decompressing(source, chunk => raw.update(chunk));
	const extract = tar.extract();
	stream.on('error', error => extract.destroy(error));
	stream.pipe(extract);
	const scan = newTarScan();
	let manifestText: string | undefined;
	try {
		for await (const entry of extract) {
			const problem = checkEntry(scan, entry.header, limits);
			if (problem) throw rejected(problem);
			const path = normaliseEntryPath(entry.header.name);
			const recorded = scan.entries.get(path);
			if (path === manifestName) {
				const chunks: Buffer[] = [];
				let size = 0;
				for await (const chunk of entry as AsyncIterable<Buffer>) {
					size += chunk.length;
					if (size > maxManifestBytes) throw rejected(`${manifestName} is larger than ${maxManifestBytes} bytes`);
					chunks.push(chunk);
				}
				manifestText = Buffer.concat(chunks).toString('utf8');
			} else if (recorded?.type === 'file') {
				const hash = createHash('sha256');
				for await (const chunk of entry as AsyncIterable<Buffer>) hash.update(chunk);
				scan.entries.set(path, {...recorded, digest: hash.digest('hex')});
			} else entry.resume();
		}
	} catch (error) {
		source.destroy();
		stream.destroy();
		if (error instanceof UsageError) throw error;
		throw rejected(`not a valid tar or tar.gz (${(error as Error).message})`);
	}
	// The tar's end-of-archive marker can come before the last bytes (padding, gzip trailer).
	stream.resume();
	await inputEnded;
	const linkProblem = checkSymlinks(scan);
	if (linkProblem) throw rejected(linkProblem);
	if (manifestText === undefined) throw rejected(`no ${manifestName} at its root (make it with "deckhand pack")`);
	const manifest = parseManifest(manifestText);
	if (typeof manifest === 'string') throw rejected(manifest);
	const contentSha256 = scannedDigest(scan);
	if (contentSha256 !== manifest.contentSha256) throw rejected(`checksum mismatch: the manifest says ${manifest.contentSha256.slice(0, 12)}…, the content is ${contentSha256.slice(0, 12)}…`);
	return {manifest, contentSha256, tarballSha256: raw.digest('hex'), entries: scan.entries.size, bytes: scan.bytes};
}
