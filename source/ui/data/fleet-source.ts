/**
 * The console's source over several engines: one live source per engine (each with its own
 * live model, reconnect backoff, liveness pings and stats hub, so a slow or dead engine
 * costs the others nothing), merged into one view by fleet-merge.ts. Calls about a container
 * (logs, stats, inspect, top, shell, deploy paths) go to the engine that listed it; actions
 * go to the engine the row names (`operate(..., engine)`).
 */
import type {ConsoleActions, ConsoleSource, ConsoleView} from '../view/types.js';
import {type FleetMember, mergeFleet} from './fleet-merge.js';

/** One engine of the fleet: the name the console shows and its own source. */
export type FleetSourceMember = {readonly name: string; readonly source: ConsoleSource};

/** Options of the composite source. */
export type FleetSourceOptions = {readonly maxEvents?: number};

/** Merges the members' sources into one; `close()` closes them all. */
export function createFleetSource(members: readonly FleetSourceMember[], options: FleetSourceOptions = {}): ConsoleSource {
	const listeners = new Set<(urgent?: boolean) => void>();
	const everConnected = members.map(() => false);
	let views: readonly ConsoleView[] = [];
	let merged: ConsoleView | undefined;
	// Which member listed each container id (an id is 256 random bits: one engine's, or the same daemon watched twice).
	let owners = new Map<string, number>();

	const snapshot = (): ConsoleView => {
		const next = members.map(member => member.source.snapshot());
		if (merged && next.every((view, index) => view === views[index])) return merged;
		views = next;
		for (const [index, view] of next.entries()) if (view.connection.state === 'connected') everConnected[index] = true;
		const fleet: FleetMember[] = members.map((member, index) => ({name: member.name, view: next[index]!, everConnected: everConnected[index]!}));
		merged = mergeFleet(fleet, options.maxEvents);
		owners = new Map();
		for (const [index, view] of next.entries()) for (const container of view.containers) if (!owners.has(container.id)) owners.set(container.id, index);
		return merged;
	};
	const ownerOf = (id: string): ConsoleSource | undefined => {
		if (!owners.has(id)) snapshot();
		const index = owners.get(id);
		return index === undefined ? undefined : members[index]!.source;
	};
	const named = (engine: string | undefined): ConsoleSource => {
		const member = engine === undefined && members.length === 1 ? members[0] : members.find(entry => entry.name === engine);
		if (!member) throw new Error(engine === undefined ? 'several engines: this action names none' : `no engine named ${engine}`);
		return member.source;
	};
	const unknown = (id: string) => new Error(`no engine lists container ${id.slice(0, 12)}`);

	const unsubscribes = members.map(member => member.source.subscribe(urgent => {
		for (const listener of listeners) listener(urgent);
	}));

	const actions: ConsoleActions = {
		operate: async (id, input, onEvent, engine) => {
			const operate = named(engine).actions.operate;
			if (!operate) throw new Error(`${id} is not available on engine ${engine ?? ''}`);
			return operate(id, input, onEvent);
		},
		dependents: async (project, service, engine) => named(engine).actions.dependents?.(project, service) ?? [],
		deployPath: async containerId => ownerOf(containerId)?.actions.deployPath?.(containerId),
		directories: async (containerId, prefix) => ownerOf(containerId)?.actions.directories?.(containerId, prefix) ?? [],
	};

	return {
		snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		followLogs(id, onLines, signal) {
			ownerOf(id)?.followLogs?.(id, onLines, signal);
		},
		statsHistory: id => ownerOf(id)?.statsHistory?.(id) ?? [],
		watchStats(ids) {
			// Each engine streams stats only for its own containers on screen (its own hub).
			const byMember = members.map((): string[] => []);
			for (const id of ids) {
				ownerOf(id);
				const index = owners.get(id);
				if (index !== undefined) byMember[index]!.push(id);
			}
			for (const [index, member] of members.entries()) member.source.watchStats?.(byMember[index]!);
		},
		async inspect(id) {
			const owner = ownerOf(id);
			if (!owner?.inspect) throw unknown(id);
			return owner.inspect(id);
		},
		async top(id) {
			const owner = ownerOf(id);
			if (!owner?.top) throw unknown(id);
			return owner.top(id);
		},
		actions,
		cancelOperations: () => members.flatMap(member => (member.source.cancelOperations?.() ?? []).map(line => (members.length > 1 ? `${line} (${member.name})` : line))),
		shellCommand: id => ownerOf(id)?.shellCommand?.(id),
		close() {
			for (const unsubscribe of unsubscribes) unsubscribe();
			for (const member of members) member.source.close();
			listeners.clear();
		},
	};
}
