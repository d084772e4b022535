/**
 * Which operation of the engine's table each console key runs, and with what input for the
 * selected row. The console has no engine behaviour of its own: `r` on a compose service is
 * the `restart` operation `deckhand restart` runs, with its readiness gate. Pure.
 */
import {defaultTarLimits} from '../../engine/deploy/tar-rules.js';
import {operations} from '../../engine/operations/table.js';
import type {OperationId} from '../../engine/operations/types.js';
import type {RowTarget} from '../view/rows.js';

/** Console command id → operation id, for every key that acts on the engine. */
export const commandOperations: Readonly<Record<string, OperationId>> = {
	'container.restart': 'restart',
	'service.restartWithDependents': 'restart-with-dependents',
	'container.stop': 'stop',
	'container.start': 'start',
	'project.up': 'up',
	'service.reload': 'reload',
	'service.deploy': 'deploy',
	'service.rollback': 'rollback',
	'swarm.scaleUp': 'scale',
	'swarm.scaleDown': 'scale',
	'container.exec': 'exec-target',
};

/** True when `--read-only` refuses the command: the operation's own `dangerous` flag decides (run.ts refuses it the same way). */
export function refusedWhenReadOnly(command: {readonly id: string; readonly dangerous?: boolean; readonly mutating?: boolean}): boolean {
	const id = commandOperations[command.id];
	return id === undefined ? Boolean(command.dangerous || command.mutating) : operations[id].dangerous;
}

/** An operation to run: its id, typed input, and the name progress lines use. */
export type OperationRequest = {readonly id: OperationId; readonly input: unknown; readonly name: string};

/** What the palette may add (the CLI's flags, parsed with the same specs). */
export type CommandOptions = Readonly<Record<string, unknown>>;

const displayName = (target: RowTarget) => target.name.replace(/^\//, '');

const timeoutOf = (options: CommandOptions) => (typeof options.timeoutMs === 'number' ? options.timeoutMs : undefined);

/**
 * The operation `commandId` runs on `target` (`container` = the container the selection
 * shows), or a problem line. `argument` is the deploy tarball; `options` the palette's flags.
 */
export function operationRequest(commandId: string, target: RowTarget, container: string | undefined, argument?: string, options: CommandOptions = {}): OperationRequest | {readonly problem: string} {
	const id = commandOperations[commandId];
	if (!id || target.kind === 'resource') return {problem: `${commandId} is not available`};
	const name = displayName(target);
	const ids = target.kind === 'service' ? target.containerIds : [target.id];
	const compose = target.kind === 'service' && !target.swarm ? target : undefined;
	switch (id) {
		case 'restart':
			return {id, name, input: compose ? {project: compose.project, services: [compose.name], timeoutMs: timeoutOf(options)} : {containers: ids, timeoutMs: timeoutOf(options)}};
		case 'restart-with-dependents':
			return compose ? {id, name, input: {project: compose.project, services: [compose.name], timeoutMs: timeoutOf(options)}} : {problem: 'restart with dependents: select a compose service'};
		case 'stop':
		case 'start':
			return {id, name, input: compose ? {project: compose.project, services: [compose.name]} : {containers: ids}};
		case 'up':
			return compose ? {id, name: compose.project, input: {project: compose.project, timeoutMs: timeoutOf(options)}} : {problem: 'up: select a compose service'};
		case 'reload': {
			// What `deckhand reload` is given for the same row: a compose service as PROJECT/SERVICE
			// (every replica, unambiguous across projects), a Swarm service by name, else the container.
			const service = compose ? `${compose.project}/${compose.name}` : target.kind === 'service' ? target.name : container;
			return service ? {id, name, input: {service, method: options.method, killSignal: typeof options.killSignal === 'string' ? options.killSignal : undefined, timeoutMs: timeoutOf(options)}} : {problem: `${name} has no containers`};
		}
		case 'deploy':
			return container && argument ? {id, name, input: {service: container, tarball: argument, path: options.path, reload: options.reload, keep: options.keep, method: options.method, limits: typeof options.maxBytes === 'number' ? {...defaultTarLimits, maxBytes: options.maxBytes} : undefined, timeoutMs: timeoutOf(options)}} : {problem: 'deploy: no tarball given'};
		case 'rollback':
			return container ? {id, name, input: {service: container, path: options.path, reload: options.reload, method: options.method, timeoutMs: timeoutOf(options)}} : {problem: `${name} has no containers`};
		case 'scale': {
			if (target.kind !== 'service') return {problem: 'scale: select a service'};
			const replicas = typeof options.replicas === 'number' ? options.replicas : Math.max(0, ids.length + (commandId === 'swarm.scaleUp' ? 1 : -1));
			const project = target.swarm ? (target.project === 'swarm' ? undefined : target.project) : target.project;
			return {id, name: `${name} to ${replicas}`, input: {requests: [{service: target.name, replicas}], project, kind: target.swarm ? 'swarm' : 'compose', timeoutMs: timeoutOf(options), wait: options.wait === false ? false : undefined}};
		}
		case 'exec-target':
			return container ? {id, name, input: {name: container}} : {problem: 'no container to open a shell in'};
		default:
			return {problem: `${commandId} is not available`};
	}
}
