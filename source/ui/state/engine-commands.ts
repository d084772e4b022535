/**
 * Reload, deploy, rollback and scale from the console: which container or Swarm service a
 * key acts on, the confirmation wording, and running the source's engine action with
 * progress and a result line. Effects come in through `CommandEffects` (see run-command.ts).
 */
import type {RowTarget} from '../view/rows.js';
import type {ConsoleActions} from '../view/types.js';
import type {CommandEffects} from './run-command.js';
import {targetContainer, targetIds} from './targets.js';

/** Command ids handled here. */
export const engineCommandIds = ['service.reload', 'service.deploy', 'service.rollback', 'swarm.scaleUp', 'swarm.scaleDown'] as const;

/** True for a command handled by `performEngineCommand`. */
export const isEngineCommand = (id: string): boolean => (engineCommandIds as readonly string[]).includes(id);

const nameOf = (target: RowTarget) => (target.kind === 'service' ? `${target.project}/${target.name}` : target.name.replace(/^\//, ''));

/** The question a dangerous engine command asks before it runs. */
export function engineVerb(commandId: string, target: RowTarget, argument?: string): string {
	switch (commandId) {
		case 'service.deploy': return `Deploy ${argument ?? '?'} into`;
		case 'service.rollback': return 'Roll back';
		case 'swarm.scaleDown': return `Scale to ${target.kind === 'service' ? Math.max(0, target.containerIds.length - 1) : '?'} replicas:`;
		default: return commandId;
	}
}

/** Why a command cannot act on `target` (undefined when it can). */
export function engineCommandProblem(commandId: string, target: RowTarget): string | undefined {
	if (commandId === 'swarm.scaleUp' || commandId === 'swarm.scaleDown') {
		if (target.kind !== 'service' || !target.swarm) return 'scale: select a Swarm service';
		if (commandId === 'swarm.scaleDown' && target.containerIds.length === 0) return `${nameOf(target)} has no replicas to remove`;
		return undefined;
	}
	if (targetIds(target).length === 0) return `${nameOf(target)} has no containers`;
	if ((commandId === 'service.deploy' || commandId === 'service.rollback') && targetIds(target).length > 1) {
		return `${commandId === 'service.deploy' ? 'deploy' : 'rollback'} needs one container: ${nameOf(target)} has ${targetIds(target).length}; select one in Containers`;
	}
	return undefined;
}

type Step = {readonly doing: string; readonly done: string; readonly run: (actions: ConsoleActions, signal: AbortSignal) => Promise<string | void> | undefined};

function stepFor(commandId: string, target: RowTarget, argument: string | undefined, containerId: string | undefined): Step | undefined {
	const ids = targetIds(target);
	switch (commandId) {
		case 'service.reload':
			return {doing: 'reloading', done: 'reloaded', run: (actions, signal) => actions.reload && Promise.all(ids.map(id => actions.reload!(id, signal))).then(lines => lines.join('; '))};
		case 'service.deploy':
			return {doing: `deploying ${argument} into`, done: `deployed ${argument} into`, run: (actions, signal) => actions.deploy && containerId && argument ? actions.deploy(containerId, argument, signal) : undefined};
		case 'service.rollback':
			return {doing: 'rolling back', done: 'rolled back', run: (actions, signal) => actions.rollback && containerId ? actions.rollback(containerId, signal) : undefined};
		case 'swarm.scaleUp':
		case 'swarm.scaleDown': {
			if (target.kind !== 'service') return undefined;
			const replicas = Math.max(0, ids.length + (commandId === 'swarm.scaleUp' ? 1 : -1));
			const stack = target.project === 'swarm' ? undefined : target.project;
			return {doing: `scaling to ${replicas}:`, done: `scaled to ${replicas}:`, run: (actions, signal) => actions.scale?.(stack, target.name, replicas, signal)};
		}
		default:
			return undefined;
	}
}

/** Runs an engine command on `target`, showing progress, then the result or the error. */
export async function performEngineCommand(effects: CommandEffects, commandId: string, target: RowTarget, argument?: string): Promise<void> {
	const problem = engineCommandProblem(commandId, target);
	if (problem) return effects.dispatch({type: 'showMessage', message: {text: problem, tone: 'status.error'}});
	const step = stepFor(commandId, target, argument, targetContainer(effects.view, target));
	const controller = new AbortController();
	const running = step?.run(effects.source.actions, controller.signal);
	if (!step || !running) return effects.dispatch({type: 'showMessage', message: {text: `${commandId} is not available`, tone: 'status.error'}});
	effects.dispatch({type: 'actionStarted', label: `${step.doing} ${nameOf(target)}…`});
	try {
		const detail = await running;
		effects.dispatch({type: 'actionFinished', message: {text: `${step.done} ${nameOf(target)}${detail ? `: ${detail}` : ''}`, tone: 'status.ok'}});
	} catch (failure) {
		controller.abort();
		effects.dispatch({type: 'actionFinished', message: {text: `${step.doing} ${nameOf(target)} failed: ${failure instanceof Error ? failure.message : String(failure)}`, tone: 'status.error'}});
	}
}
