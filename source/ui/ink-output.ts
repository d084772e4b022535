/**
 * The output stream handed to Ink. Ink 6.8's incremental renderer moves the cursor up one
 * line too few when the previous frame ended in a newline (which every frame shorter than
 * the terminal does): `cursorUp(previousLines - 1)` from the row below the frame lands on
 * its second row, so each frame drifts down one row and leaves stale lines behind (seen in
 * tmux at 80x24). This wrapper corrects that one escape; everything else passes through.
 */

const leadingCursorUp = /^\u001b\[(\d+)A/;

/**
 * Fixes one write of Ink's incremental renderer: an update that starts by moving the
 * cursor up over a newline-terminated frame moves one line further. Other writes unchanged.
 */
export function correctIncrementalWrite(chunk: string): string {
	return chunk.replace(leadingCursorUp, (_, count: string) => `\u001b[${Number(count) + 1}A`);
}

/**
 * A stdout for Ink whose writes go through `correctIncrementalWrite`; counts bytes written.
 * `firstWritePrefix` goes out with Ink's first write, in the same chunk (the first look's
 * screen is cleared by the frame that replaces it, never shown blank in between).
 */
export function inkOutput(stdout: NodeJS.WriteStream, {firstWritePrefix = ''}: {readonly firstWritePrefix?: string} = {}): NodeJS.WriteStream & {bytesWritten: number} {
	let bytes = 0;
	let prefix = firstWritePrefix;
	const write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
		let text = typeof chunk === 'string' ? correctIncrementalWrite(chunk) : chunk;
		if (prefix && typeof text === 'string') {
			text = prefix + text;
			prefix = '';
		}
		bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
		return (stdout.write as (...parameters: unknown[]) => boolean)(text, ...rest);
	};
	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			if (property === 'bytesWritten') return bytes;
			const value = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	}) as NodeJS.WriteStream & {bytesWritten: number};
}
