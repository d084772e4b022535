/**
 * Finding what a palette line or a key acts on: the selected row, or a row named by the
 * user (`api`, `demo/api`, a container name). Pure.
 */
import {cursorIndex, type PanelId, type PanelRow, type RowTarget, selectableIndexes} from '../view/rows.js';
import type {ConsoleView} from '../view/types.js';

/** Where a named target is: its panel and cursor index among selectable rows. */
export type TargetPlace = {readonly panel: PanelId; readonly index: number; readonly target: RowTarget; readonly key: string};

/** The target under the cursor of a panel (on the row `selectedKey` names, wherever it moved). */
export function selectedTarget(rows: readonly PanelRow[], cursor: number, selectedKey?: string): RowTarget | undefined {
	const index = selectableIndexes(rows)[cursorIndex(rows, cursor, selectedKey)];
	return index === undefined ? undefined : rows[index]!.target;
}

/** Finds `name` among services then containers: exact name, `project/name`, then a unique prefix. */
export function findTarget(rowsByPanel: Readonly<Record<PanelId, readonly PanelRow[]>>, name: string): TargetPlace | undefined {
	const wanted = name.toLowerCase().replace(/^\//, '');
	const candidates: TargetPlace[] = [];
	for (const panel of ['services', 'containers'] as const) {
		const rows = rowsByPanel[panel];
		for (const [index, rowIndex] of selectableIndexes(rows).entries()) {
			const target = rows[rowIndex]!.target;
			if (target) candidates.push({panel, index, target, key: rows[rowIndex]!.key});
		}
	}
	const full = (place: TargetPlace) => (place.target.kind === 'service' ? `${place.target.project}/${place.target.name}` : place.target.name.replace(/^\//, '')).toLowerCase();
	const short = (place: TargetPlace) => place.target.name.replace(/^\//, '').toLowerCase();
	const exact = candidates.find(place => full(place) === wanted || short(place) === wanted);
	if (exact) return exact;
	const prefixed = candidates.filter(place => short(place).startsWith(wanted) || full(place).startsWith(wanted));
	return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The containers an action on `target` applies to. */
export const targetIds = (target: RowTarget): readonly string[] => (target.kind === 'service' ? target.containerIds : target.kind === 'container' ? [target.id] : []);

/** The container a selection shows: itself, or the first running container of a service. */
export function targetContainer(view: ConsoleView, target: RowTarget | undefined): string | undefined {
	if (!target || target.kind === 'resource') return undefined;
	if (target.kind === 'container') return target.id;
	const containers = target.containerIds.map(id => view.containers.find(container => container.id === id)).filter(Boolean);
	return (containers.find(container => container!.state === 'running') ?? containers[0])?.id ?? target.containerIds[0];
}
