/**
 * Docker's multiplexed log/attach stream (non-TTY containers): frames of an 8-byte header
 * `[stream, 0, 0, 0, size(uint32 BE)]` followed by `size` bytes. Chunks from the socket cut
 * frames and even headers anywhere, so the unparsed tail is carried into the next call.
 */

/** Which output a frame came from. */
export type OutputStream = 'stdout' | 'stderr';

/** One frame's payload. */
export type Frame = {readonly stream: OutputStream; readonly data: Buffer};

const headerSize = 8;

/**
 * Splits `pending + chunk` into whole frames; `rest` is the incomplete tail to pass back
 * as `pending` with the next chunk. Stream 0 (stdin) counts as stdout, 3 (daemon error) as stderr.
 */
export function demultiplex(pending: Buffer, chunk: Buffer): {frames: Frame[]; rest: Buffer} {
	const buffer = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
	const frames: Frame[] = [];
	let offset = 0;
	while (buffer.length - offset >= headerSize) {
		const size = buffer.readUInt32BE(offset + 4);
		if (buffer.length - offset - headerSize < size) break;
		const kind = buffer[offset]!;
		const data = buffer.subarray(offset + headerSize, offset + headerSize + size);
		frames.push({stream: kind === 2 || kind === 3 ? 'stderr' : 'stdout', data});
		offset += headerSize + size;
	}
	return {frames, rest: Buffer.from(buffer.subarray(offset))};
}

/** Builds one frame (for tests and fakes). */
export function encodeFrame(stream: OutputStream, data: string | Buffer): Buffer {
	const payload = typeof data === 'string' ? Buffer.from(data) : data;
	const header = Buffer.alloc(headerSize);
	header[0] = stream === 'stderr' ? 2 : 1;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

/** A finished output's text, stdout and stderr in order: raw for TTY containers, else demultiplexed. */
export function outputText(output: {readonly tty: boolean; readonly data: Buffer}): string {
	if (output.tty) return output.data.toString('utf8');
	const {frames, rest} = demultiplex(Buffer.alloc(0), output.data);
	return Buffer.concat([...frames.map(frame => frame.data), rest]).toString('utf8');
}
