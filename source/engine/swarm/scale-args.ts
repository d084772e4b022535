/** `SERVICE=N` arguments of `deckhand scale`, parsed purely; bad input is a UsageError (exit 2). */
import {UsageError} from '../errors.js';

/** One requested replica count. */
export type ScaleRequest = {readonly service: string; readonly replicas: number};

/** Parses `api=3 worker=0`; a service named twice, a missing `=`, or a non-number count is an error. */
export function parseScaleArgs(input: readonly string[]): ScaleRequest[] {
	if (input.length === 0) throw new UsageError('scale needs at least one SERVICE=REPLICAS');
	const seen = new Set<string>();
	return input.map(argument => {
		const match = /^([^=\s]+)=(\d+)$/.exec(argument);
		if (!match) throw new UsageError(`invalid scale argument "${argument}" (want SERVICE=REPLICAS, e.g. api=3)`);
		const service = match[1]!;
		if (seen.has(service)) throw new UsageError(`service ${service} is named twice`);
		seen.add(service);
		return {service, replicas: Number(match[2])};
	});
}
