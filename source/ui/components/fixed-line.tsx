/**
 * One line of text with a fixed width, for rows that change every frame (the Logs tab's).
 * Ink measures every `<Text>` through Yoga and keeps each measured string in a module-level
 * cache it never empties: with a chatty container followed, every new log row stayed in
 * it (~17 KiB/s at two frames a second). An Ink text element whose width and height are
 * fixed is never measured (Yoga sizes it from its style), so such rows cost neither the
 * measuring nor the memory. Longer text is truncated to the width, like `wrap="truncate"`.
 */
import {createElement, type ReactNode} from 'react';

/** Props of a fixed line: its size in columns and rows (default one) and its content (strings and nested `<Text>`). */
export type FixedLineProps = {readonly width: number; readonly height?: number; readonly children?: ReactNode};

/** A text element `width` columns wide and `height` rows high (a column of short lines: one per row). */
export function FixedLine({width, height = 1, children}: FixedLineProps) {
	// Ink's own host element (what `<Text>` renders), with a size so Yoga skips the measure.
	return createElement('ink-text', {style: {width, height, flexGrow: 0, flexShrink: 0, flexDirection: 'row', textWrap: 'truncate'}}, children);
}
