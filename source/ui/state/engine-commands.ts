/**
 * Running a console key's operation: which operation and input (command-operations.ts), the
 * confirmation wording (R names the dependents it will restart), and the run itself through
 * the source's `operate` (the engine's table, the same `run` as the CLI) with the same
 * progress events the CLI prints, shown in the action line with a live elapsed time:
 * "restarting api: waiting for healthy (3.2s)…", then "restarted api: healthy after 4.1s".
 */
import {operations} from '../../engine/operations/table.js';
import {finishedLine, runningLine} from '../../engine/operations/format.js';
import type {OperationEvent} from '../../engine/operations/types.js';
import type {RowTarget} from '../view/rows.js';
import {operationRequest, type CommandOptions} from './command-operations.js';
import type {CommandEffects} from './run-command.js';
import {targetContainer, targetIds} from './targets.js';

const nameOf = (target: RowTarget) => (target.kind === 'service' ? `${target.project}/${target.name}` : target.name.replace(/^\//, ''));

const failureText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)).split('\n')[0]!;

/** Why a command cannot act on `target` (undefined when it can), before anything is asked. */
export function engineCommandProblem(commandId: string, target: RowTarget): string | undefined {
	if (commandId === 'swarm.scaleUp' || commandId === 'swarm.scaleDown') {
		if (target.kind !== 'service') return 'scale: select a service';
		if (commandId === 'swarm.scaleDown' && target.containerIds.length === 0) return `${nameOf(target)} has no replicas to remove`;
		return undefined;
	}
	if (commandId === 'service.restartWithDependents' || commandId === 'project.up') {
		return target.kind === 'service' && !target.swarm ? undefined : `${commandId === 'project.up' ? 'up' : 'restart with dependents'}: select a compose service`;
	}
	if (targetIds(target).length === 0 && commandId !== 'container.start') return `${nameOf(target)} has no containers`;
	if ((commandId === 'service.deploy' || commandId === 'service.rollback') && targetIds(target).length > 1) {
		return `${commandId === 'service.deploy' ? 'deploy' : 'rollback'} needs one container: ${nameOf(target)} has ${targetIds(target).length}; select one in Containers`;
	}
	return undefined;
}

/** The question a dangerous command asks (R: which dependents it restarts too). */
export async function confirmationVerb(effects: CommandEffects, commandId: string, target: RowTarget, argument?: string, options: CommandOptions = {}): Promise<string> {
	switch (commandId) {
		case 'container.restart': return 'Restart';
		case 'container.stop': return 'Stop';
		case 'project.up': return 'Up the project of';
		case 'service.deploy': return `Deploy ${argument ?? '?'}${typeof options.path === 'string' ? ` to ${options.path}` : ''} into`;
		case 'service.rollback': return 'Roll back';
		case 'swarm.scaleUp':
		case 'swarm.scaleDown': {
			const replicas = typeof options.replicas === 'number' ? options.replicas : Math.max(0, targetIds(target).length + (commandId === 'swarm.scaleUp' ? 1 : -1));
			return `Scale to ${replicas} replicas:`;
		}
		case 'service.restartWithDependents': {
			if (target.kind !== 'service') return 'Restart with dependents';
			const dependents = await effects.source.actions.dependents?.(target.project, target.name, target.engine).catch(() => undefined);
			if (!dependents) return 'Restart with its dependents';
			return dependents.length === 0 ? 'Restart (no dependents)' : `Restart with dependents ${dependents.join(', ')}:`;
		}
		default: return commandId;
	}
}

/** Runs the operation of `commandId` on `target`, showing each step and the elapsed time, then the result. */
export async function performEngineCommand(effects: CommandEffects, commandId: string, target: RowTarget, argument?: string, options: CommandOptions = {}): Promise<void> {
	const show = (text: string, tone: 'status.ok' | 'status.error' | 'status.info') => effects.dispatch({type: 'showMessage', message: {text, tone}});
	const problem = engineCommandProblem(commandId, target);
	if (problem) return show(problem, 'status.error');
	const request = operationRequest(commandId, target, targetContainer(effects.view, target), argument, options);
	if ('problem' in request) return show(request.problem, 'status.error');
	const operate = effects.source.actions.operate;
	if (!operate) return show(`${commandId} is not available`, 'status.error');
	const operation = operations[request.id];
	let last: OperationEvent | undefined;
	let result: OperationEvent | undefined;
	const began = performance.now();
	const progress = () => effects.dispatch({type: 'actionStarted', label: runningLine(operation, request.name, last, Math.round(performance.now() - began))});
	progress();
	// The elapsed time moves while a step waits (no event comes until it is ready).
	const ticker = setInterval(progress, 500);
	try {
		await operate(request.id, request.input, event => {
			if (event.kind === 'result') result = event;
			else if (event.kind === 'step') last = event;
			progress();
		}, target.engine);
		effects.dispatch({type: 'actionFinished', message: {text: finishedLine(operation, request.name, last, result), tone: 'status.ok'}});
	} catch (failure) {
		const cancelled = result?.result === 'cancelled' || (failure as Error | undefined)?.name === 'OperationCancelledError';
		const text = cancelled ? `${operation.words.noun} of ${request.name} cancelled` : `${operation.words.doing} ${request.name} failed: ${failureText(failure)}`;
		effects.dispatch({type: 'actionFinished', message: {text, tone: cancelled ? 'status.info' : 'status.error'}});
	} finally {
		clearInterval(ticker);
	}
}

/** Resolves the container a shell opens in through the `exec-target` operation, then opens it. */
export async function openShell(effects: CommandEffects, target: RowTarget): Promise<void> {
	const request = operationRequest('container.exec', target, targetContainer(effects.view, target));
	const operate = effects.source.actions.operate;
	if ('problem' in request || !operate) return effects.dispatch({type: 'showMessage', message: {text: 'problem' in request ? request.problem : 'shell is not available', tone: 'status.error'}});
	try {
		const found = await operate(request.id, request.input, () => undefined, target.engine);
		effects.exec((found.data as {id: string}).id);
	} catch (failure) {
		effects.dispatch({type: 'showMessage', message: {text: failureText(failure), tone: 'status.error'}});
	}
}
