/**
 * `Wait.forX()`: the one place strategies are built, as in testcontainers. Strategies are data
 * (what to check); the capabilities and clock arrive with the context at wait time.
 */
import {allOf} from './composite.js';
import {execWait} from './exec.js';
import {healthcheckWait, type HealthcheckOptions} from './healthcheck.js';
import {httpWait} from './http.js';
import {logWait} from './log.js';
import {tcpWait} from './tcp.js';
import {uptimeWait} from './uptime.js';
import type {WaitStrategy} from './types.js';

/** Factory of readiness strategies. */
export const Wait = {
	/** Docker's healthcheck via events; without one, ready once running. */
	forHealthcheck: (options?: HealthcheckOptions): WaitStrategy => healthcheckWait(options),
	/** `sh -c command` exits 0 inside the container. */
	forExec: (command: string): WaitStrategy => execWait(command),
	/** 127.0.0.1:port (published mapping followed) accepts a connection. */
	forTcp: (port: number): WaitStrategy => tcpWait(port),
	/** GET 127.0.0.1:port/path returns a status in range (default 200-399). */
	forHttp: (port: number, path?: string, status?: readonly [number, number]): WaitStrategy => httpWait(port, path, status),
	/** A line of output since start matches the pattern. */
	forLog: (pattern: string | RegExp): WaitStrategy => logWait(pattern),
	/** Running for at least `minMs` since the last start. */
	forUptime: (minMs: number): WaitStrategy => uptimeWait(minMs),
	/** All of them, under one deadline. */
	forAll: (strategies: readonly WaitStrategy[]): WaitStrategy => (strategies.length === 1 ? strategies[0]! : allOf(strategies)),
} as const;
