/**
 * Several engines as one console view (pure): each engine's own view (its live source) is
 * tagged with the engine's name and the lists are concatenated in the order the engines were
 * given; the Engines panel gets one entry per engine with its state and counts; events from
 * all engines are merged by time. Tested by equality.
 */
import type {ConnectionView, ConsoleView, FleetEngineView} from '../view/types.js';

/** One engine's view as its own live source shows it, and whether it ever answered. */
export type FleetMember = {
	readonly name: string;
	readonly view: ConsoleView;
	/** True once its model synced at least once since the console started. */
	readonly everConnected: boolean;
};

/**
 * The Engines panel's state for a connection: an engine that never answered since the
 * console started is `unreachable` once an attempt failed; one that answered and went away
 * is `reconnecting` (its live model retries with backoff).
 */
export function fleetEngineState(connection: ConnectionView, everConnected: boolean): FleetEngineView['state'] {
	if (connection.state === 'connected' || connection.state === 'silent') return connection.state;
	if (everConnected) return 'reconnecting';
	return connection.detail ? 'unreachable' : 'connecting';
}

/** One engine's entry in the Engines panel: state, facts, container and unhealthy counts. */
export function fleetEngineView(member: FleetMember): FleetEngineView {
	const {view} = member;
	const unhealthy = view.containers.filter(container => container.state === 'running' && container.health === 'unhealthy').length;
	const facts = {
		context: view.engine.context, mode: view.engine.mode, version: view.engine.version, swarm: view.engine.swarm,
		detail: view.connection.detail, since: view.connection.since,
	};
	const defined = Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as Partial<FleetEngineView>;
	return {name: member.name, description: view.engine.description, state: fleetEngineState(view.connection, member.everConnected), ...defined, containers: view.containers.length, unhealthy};
}

/** `12:00:01 container start web` of engine `b` → `12:00:01 @b container start web`. */
export const taggedEvent = (name: string, text: string): string => (/^\d\d:\d\d:\d\d /.test(text) ? `${text.slice(0, 9)}@${name} ${text.slice(9)}` : `@${name} ${text}`);

/** The best connection of the fleet: connected when any engine is (the header of the composite). */
function fleetConnection(members: readonly FleetMember[]): ConnectionView {
	const order: ReadonlyArray<ConnectionView['state']> = ['connected', 'silent', 'reconnecting', 'connecting'];
	return [...members].map(member => member.view.connection).sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state))[0] ?? {state: 'connecting'};
}

/** Every engine's rows in one view, each row tagged with its engine; `engines` lists them (pure). */
export function mergeFleet(members: readonly FleetMember[], maxEvents = 20): ConsoleView {
	const tag = <T extends object>(name: string, items: readonly T[]): T[] => items.map(item => ({...item, engine: name}));
	// Events carry their time first: a stable sort by it interleaves the engines' lines.
	const events = members
		.flatMap(member => member.view.events.map(text => taggedEvent(member.name, text)))
		.map((text, index) => ({text, index}))
		.sort((a, b) => a.text.slice(0, 8).localeCompare(b.text.slice(0, 8)) || a.index - b.index)
		.map(entry => entry.text)
		.slice(-maxEvents);
	return {
		engine: {description: `${members.length} engines`},
		connection: fleetConnection(members),
		services: members.flatMap(member => member.view.services.map(service => ({...service, engine: member.name, ...(service.worst ? {worst: {...service.worst, engine: member.name}} : {})}))),
		containers: members.flatMap(member => tag(member.name, member.view.containers)),
		images: members.flatMap(member => tag(member.name, member.view.images)),
		volumes: members.flatMap(member => tag(member.name, member.view.volumes)),
		networks: members.flatMap(member => tag(member.name, member.view.networks)),
		events,
		engines: members.map(fleetEngineView),
	};
}
