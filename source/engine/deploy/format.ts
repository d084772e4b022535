/** Text for deploy and rollback results (commands and console): step lines, the result line, the failure detail. */
import type {DeployRecord} from './history.js';
import {DeployRolledBackError, type DeployStep} from './install.js';
import {sanitizeText} from '../text/sanitize.js';

const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)}s`;

/** Prints `· step detail` lines. */
export const stepPrinter = (stdout: NodeJS.WritableStream) => (step: DeployStep, detail: string) => {
	stdout.write(`· ${step} ${sanitizeText(detail)}\n`);
};

/** One line for a finished deploy or rollback. */
export function formatDeployRecord(record: DeployRecord): string {
	const what = record.action === 'deploy' ? `deployed ${record.tarball}` : `rolled back to ${record.backup}`;
	return `✓ ${what} into ${record.container}:${record.path} in ${seconds(record.durations.total)} (not ready ${seconds(record.durations.notReady)}; container not restarted unless its reload method is restart)`;
}

/** After a rolled-back deploy, the probe's last output on stderr (the one-line error follows from cli.tsx). */
export function reportFailure(error: unknown, stderr: NodeJS.WritableStream): void {
	if (error instanceof DeployRolledBackError && error.lastOutput) stderr.write(`last probe output: ${sanitizeText(error.lastOutput)}\n`);
}
