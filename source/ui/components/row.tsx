/**
 * One row of text: exactly one `<Text>` per row (a nested span only for a coloured glyph),
 * memoised so an unchanged row costs nothing when the frame is rebuilt.
 */
import {memo} from 'react';
import {Text} from 'ink';

/** Props of a row: the already-fitted text and its styling. */
export type RowProps = {
	readonly text: string;
	readonly color?: string;
	readonly inverse?: boolean;
	readonly bold?: boolean;
	readonly dim?: boolean;
	/** A coloured span inside the row (the health glyph), by character offset. */
	readonly accent?: {readonly start: number; readonly length: number; readonly color?: string};
};

function RowView({text, color, inverse, bold, dim, accent}: RowProps) {
	if (!accent || accent.color === undefined) {
		return (
			<Text wrap="truncate" color={color} inverse={inverse} bold={bold} dimColor={dim}>
				{text}
			</Text>
		);
	}
	const characters = [...text];
	return (
		<Text wrap="truncate" color={color} inverse={inverse} bold={bold} dimColor={dim}>
			{characters.slice(0, accent.start).join('')}
			<Text color={accent.color}>{characters.slice(accent.start, accent.start + accent.length).join('')}</Text>
			{characters.slice(accent.start + accent.length).join('')}
		</Text>
	);
}

/** A memoised one-line row. */
export const Row = memo(RowView);
