/**
 * Readiness from a container's `deckhand.ready.*` labels (see ../labels.ts), so any action
 * can wait on a service whoever started it. No probe labels: Docker's healthcheck if the
 * container has one, else "running".
 */
import {readServiceSettings} from '../labels.js';
import type {HealthcheckOptions} from './healthcheck.js';
import {Wait} from './factory.js';
import type {WaitStrategy} from './types.js';

/** The strategies the labels ask for (at least one). */
export function probesFromLabels(labels: Readonly<Record<string, string>> = {}, options: HealthcheckOptions = {}): WaitStrategy[] {
	const {ready} = readServiceSettings(labels);
	const strategies: WaitStrategy[] = [];
	if (ready.exec) strategies.push(Wait.forExec(ready.exec));
	if (ready.tcp !== undefined) strategies.push(Wait.forTcp(ready.tcp));
	if (ready.http) strategies.push(Wait.forHttp(ready.http.port, ready.http.path, ready.httpStatus));
	if (ready.log) strategies.push(Wait.forLog(ready.log));
	if (ready.uptimeMs !== undefined) strategies.push(Wait.forUptime(ready.uptimeMs));
	return strategies.length > 0 ? strategies : [Wait.forHealthcheck(options)];
}

/** One strategy for the labels: the composite of `probesFromLabels`. */
export const readinessFromLabels = (labels: Readonly<Record<string, string>> = {}, options: HealthcheckOptions = {}): WaitStrategy => Wait.forAll(probesFromLabels(labels, options));
