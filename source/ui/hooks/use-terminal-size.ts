/**
 * The terminal's size, updated on resize. Tests pass a fixed size to the app instead.
 */
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Columns and rows of the output stream (80x24 when it is not a terminal). */
export function useTerminalSize(fixed?: {columns: number; rows: number}): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return fixed ?? size;
}
