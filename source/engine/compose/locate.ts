/**
 * Key paths → file:line in the parsed YAML documents. The last file (in `-f` order) that sets a
 * path wins, as it does for the merged value.
 */
import {isMap, isScalar, isSeq, type Node} from 'yaml';
import type {SourceDocument, SourcePosition} from './types.js';

type Path = ReadonlyArray<string | number>;

/** The source offset of `path` in one document, or undefined. */
function offsetIn(document: SourceDocument['document'], path: Path): number | undefined {
	let node: unknown = document.contents;
	let offset: number | undefined = (node as Node | null)?.range?.[0];
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find(item => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
			if (!pair) return undefined;
			offset = (pair.key as Node | null)?.range?.[0] ?? offset;
			node = pair.value;
		} else if (isSeq(node)) {
			// Numeric index, or the `KEY=value` / `name` entry of a list-form mapping (environment, labels).
			const item =
				typeof segment === 'number'
					? node.items[segment]
					: node.items.find(entry => isScalar(entry) && (String(entry.value) === segment || String(entry.value).startsWith(`${segment}=`)));
			if (!item) return undefined;
			offset = (item as Node).range?.[0] ?? offset;
			node = item;
		} else {
			return undefined;
		}
	}
	return offset;
}

/** Finds `path`, last document first. */
export function locateIn(documents: readonly SourceDocument[], path: Path): SourcePosition | undefined {
	for (let i = documents.length - 1; i >= 0; i--) {
		const source = documents[i]!;
		const offset = offsetIn(source.document, path);
		if (offset !== undefined) return {file: source.file, line: source.lineCounter.linePos(offset).line};
	}
	return undefined;
}

/** Like `locateIn`, falling back to the nearest ancestor that exists (for error messages). */
export function locateNearest(documents: readonly SourceDocument[], path: Path): SourcePosition | undefined {
	for (let length = path.length; length >= 0; length--) {
		const found = locateIn(documents, path.slice(0, length));
		if (found) return found;
	}
	return undefined;
}

/** `file:line: ` prefix, or empty. */
export const where = (position: SourcePosition | undefined): string => (position ? `${position.file}:${position.line}: ` : '');
