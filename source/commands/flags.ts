/**
 * The meow flag specs of the commands that run operations, in one light module: the commands
 * parse the command line with them, and the console's palette parses `:deploy svc f --path /app`
 * with the same specs (parse-args.ts), so the two cannot drift apart.
 */
import {parseDuration} from '../engine/duration.js';
import {UsageError} from '../engine/errors.js';

const file = {type: 'string', shortFlag: 'f', isMultiple: true} as const;
const projectName = {type: 'string', shortFlag: 'p'} as const;
const timeout = {type: 'string'} as const;
const json = {type: 'boolean', default: false} as const;

/** Flags by command name. */
export const operationFlags = {
	restart: {file, projectName, withDependents: {type: 'boolean', default: false}, timeout, failFast: {type: 'boolean', default: false}, json},
	stop: {file, projectName, json},
	start: {file, projectName, json},
	up: {file, projectName, profile: {type: 'string', isMultiple: true}, timeout, json, failFast: {type: 'boolean', default: false}, swarm: {type: 'boolean', default: false}},
	down: {file, projectName, volumes: {type: 'boolean', default: false}, json},
	reload: {method: {type: 'string'}, signal: {type: 'string'}, timeout, json},
	deploy: {path: {type: 'string'}, reload: {type: 'boolean', default: true}, keep: {type: 'number'}, maxSize: {type: 'string'}, method: {type: 'string'}, timeout, json},
	rollback: {path: {type: 'string'}, reload: {type: 'boolean', default: true}, method: {type: 'string'}, timeout, json},
	scale: {projectName, timeout, wait: {type: 'boolean', default: true}, json},
} as const;

/** The --timeout flag in ms (undefined when not given); a malformed one is exit 2 naming it. */
export function parseTimeoutFlag(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const ms = parseDuration(value);
	if (ms === undefined) throw new UsageError(`invalid --timeout "${value}" (use e.g. 30s, 2m)`);
	return ms;
}
