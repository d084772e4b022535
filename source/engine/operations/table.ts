/**
 * The operations table: every operation deckhand runs on an engine, once. Each entry holds
 * its id, whether it changes the engine (`dangerous`: refused under --read-only, see
 * run.ts), the CLI command that runs it and its progress words; `run` loads its module on
 * first use, so reading the table (key map, help) costs nothing at start-up.
 */
import type {DeployInput, DownInput, ExecTargetInput, LifecycleInput, ReloadInput, RestartInput, RollbackInput, ScaleInput, UpInput} from './inputs.js';
import type {Operation, OperationId} from './types.js';

const compose = async () => import('./compose.js');
const app = async () => import('./app.js');

const projectName = (input: {project?: string; services?: readonly string[]; containers?: readonly string[]}) =>
	input.services?.length ? input.services.join(', ') : (input.containers ?? []).join(', ') || (input.project ?? '?');

/** Every operation, by id. */
export const operations = {
	restart: {
		id: 'restart', dangerous: true, command: 'restart', words: {doing: 'restarting', done: 'restarted', noun: 'restart'},
		describe: projectName,
		run: async (context, input, options) => (await compose()).restart(context, input, options),
	} satisfies Operation<RestartInput>,
	'restart-with-dependents': {
		id: 'restart-with-dependents', dangerous: true, command: 'restart --with-dependents', words: {doing: 'restarting', done: 'restarted', noun: 'restart'},
		describe: projectName,
		run: async (context, input, options) => (await compose()).restart(context, input, options, true),
	} satisfies Operation<RestartInput>,
	stop: {
		id: 'stop', dangerous: true, command: 'stop', words: {doing: 'stopping', done: 'stopped', noun: 'stop'},
		describe: projectName,
		run: async (context, input, options) => (await compose()).lifecycle(context, input, options, 'stop'),
	} satisfies Operation<LifecycleInput>,
	start: {
		id: 'start', dangerous: true, command: 'start', words: {doing: 'starting', done: 'started', noun: 'start'},
		describe: projectName,
		run: async (context, input, options) => (await compose()).lifecycle(context, input, options, 'start'),
	} satisfies Operation<LifecycleInput>,
	up: {
		id: 'up', dangerous: true, command: 'up', words: {doing: 'bringing up', done: 'brought up', noun: 'up'},
		describe: input => input.compose?.project.name ?? input.project ?? '?',
		run: async (context, input, options) => (await compose()).up(context, input, options),
	} satisfies Operation<UpInput>,
	down: {
		id: 'down', dangerous: true, command: 'down', words: {doing: 'taking down', done: 'took down', noun: 'down'},
		describe: input => input.project,
		run: async (context, input, options) => (await compose()).down(context, input, options),
	} satisfies Operation<DownInput>,
	reload: {
		id: 'reload', dangerous: true, command: 'reload', words: {doing: 'reloading', done: 'reloaded', noun: 'reload'},
		describe: input => input.service,
		run: async (context, input, options) => (await app()).reload(context, input, options),
	} satisfies Operation<ReloadInput>,
	deploy: {
		id: 'deploy', dangerous: true, command: 'deploy', words: {doing: 'deploying into', done: 'deployed into', noun: 'deploy'},
		describe: input => input.service,
		run: async (context, input, options) => (await app()).deploy(context, input, options),
	} satisfies Operation<DeployInput>,
	rollback: {
		id: 'rollback', dangerous: true, command: 'rollback', words: {doing: 'rolling back', done: 'rolled back', noun: 'rollback'},
		describe: input => input.service,
		run: async (context, input, options) => (await app()).rollback(context, input, options),
	} satisfies Operation<RollbackInput>,
	scale: {
		id: 'scale', dangerous: true, command: 'scale', words: {doing: 'scaling', done: 'scaled', noun: 'scale'},
		describe: input => input.requests.map(request => `${request.service}=${request.replicas}`).join(', '),
		run: async (context, input, options) => (await app()).scale(context, input, options),
	} satisfies Operation<ScaleInput>,
	'exec-target': {
		// Finding the container changes nothing, but it is found to open a shell in it, and a
		// shell can change anything: refused under --read-only like the other operations.
		id: 'exec-target', dangerous: true, consoleOnly: 'the shell is `docker exec -it`; the CLI has no shell of its own', words: {doing: 'finding', done: 'found', noun: 'exec'},
		describe: input => input.name,
		run: async (context, input) => (await app()).execTarget(context, input),
	} satisfies Operation<ExecTargetInput, {id: string; name: string}>,
} as const satisfies Record<OperationId, Operation>;

/** The operation with `id`. */
export const operation = <Id extends OperationId>(id: Id): (typeof operations)[Id] => operations[id];
