/**
 * Loads dockerode with its ssh transport deferred. docker-modem requires its ssh agent, and
 * with it ssh2 (WebAssembly, crypto and key parsers: ~50 ms of every start here), when it
 * loads, though only ssh:// engines use it. A stand-in for that one module loads the real
 * agent the first time an ssh request is built; everything else is dockerode as published.
 */
import {createRequire, Module} from 'node:module';
import {dirname, join} from 'node:path';
import type Docker from 'dockerode';

const require = createRequire(import.meta.url);

/** Puts a stand-in for docker-modem's `lib/ssh.js` into the require cache (once), where it is. */
function deferModemSsh(): void {
	let agentPath: string;
	try {
		// The docker-modem dockerode itself loads, wherever npm put it.
		agentPath = join(dirname(createRequire(require.resolve('dockerode')).resolve('docker-modem')), 'ssh.js');
	} catch {
		return;
	}
	if (require.cache[agentPath]) return;
	let agent: ((options: unknown) => unknown) | undefined;
	const standIn = new Module(agentPath);
	standIn.filename = agentPath;
	standIn.loaded = true;
	standIn.exports = function sshAgent(options: unknown) {
		if (!agent) {
			delete require.cache[agentPath];
			agent = require(agentPath) as (options: unknown) => unknown;
		}
		return agent(options);
	};
	require.cache[agentPath] = standIn;
}

deferModemSsh();

/** The dockerode client class. */
export const DockerClient = require('dockerode') as typeof Docker;
