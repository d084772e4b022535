/** The host-facts port: this process's own /proc, which mode detection reads. */
import {readdirSync, readFileSync} from 'node:fs';
import type {HostFactsPort} from '../engine/ports/index.js';

const readOptional = (file: string): string | undefined => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
};

/** Readers over this process's own /proc. */
export const localProcReaders: HostFactsPort = {
	mountinfo: async () => readOptional('/proc/self/mountinfo'),
	cgroup: async () => readOptional('/proc/self/cgroup'),
	async processNames() {
		let entries: string[];
		try {
			entries = readdirSync('/proc').filter(entry => /^\d+$/.test(entry));
		} catch {
			return undefined;
		}
		return entries.map(pid => readOptional(`/proc/${pid}/comm`)?.trim()).filter((name): name is string => name !== undefined);
	},
};
