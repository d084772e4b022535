/**
 * Turning findings into what `deckhand doctor` prints: filtering by severity, human lines and
 * the stable `--json` document. Pure; the command only writes the result.
 *
 * `--json` shape (version 1):
 *   {
 *     "version": 1,
 *     "severity": "warning",                 // the threshold: findings below it are left out
 *     "checked": ["compose.yaml", "Dockerfile"] | ["container:web"],
 *     "counts": {"error": 0, "warning": 2, "info": 0},   // of the findings listed
 *     "findings": [{"rule", "severity", "file", "line", "message", "why", "fix"}]
 *   }
 * `file` is relative to the working directory, or `container:<name>` with `line` 0.
 */
import path from 'node:path';
import {sanitizeText} from '../text/sanitize.js';
import {severities, severityRank, type Finding, type Severity} from './types.js';

/** Findings at or above `threshold`. */
export const atOrAbove = (findings: readonly Finding[], threshold: Severity): Finding[] => findings.filter(item => severityRank(item.severity) >= severityRank(threshold));

/** Shows absolute paths relative to `cwd`; container subjects stay as they are. */
export const relativeTo = (cwd: string, file: string): string => (path.isAbsolute(file) ? path.relative(cwd, file) || file : file);

/** The `--json` document (see the file comment for its shape). */
export function doctorJson(findings: readonly Finding[], checked: readonly string[], threshold: Severity) {
	const counts = Object.fromEntries(severities.map(severity => [severity, findings.filter(item => item.severity === severity).length])) as Record<Severity, number>;
	return {version: 1 as const, severity: threshold, checked: [...checked], counts, findings: findings.map(({rule, severity, file, line, message, why, fix}) => ({rule, severity, file, line, message, why, fix}))};
}

/** Human output: `file:line severity rule message`, then why and fix indented, then a summary line. */
export function formatFindings(findings: readonly Finding[], checked: readonly string[], threshold: Severity): string[] {
	const lines: string[] = [];
	for (const item of findings) {
		const where = item.line > 0 ? `${item.file}:${item.line}` : item.file;
		lines.push(sanitizeText(`${where} ${item.severity} ${item.rule} ${item.message}`), `    why: ${item.why}`, `    fix: ${item.fix}`);
	}
	const names = checked.length > 8 ? [...checked.slice(0, 8), `and ${checked.length - 8} more`] : checked;
	const what = `checked: ${names.length > 0 ? sanitizeText(names.join(', ')) : 'nothing'}`;
	if (findings.length === 0) {
		lines.push(`no findings at or above ${threshold}; ${what}`);
	} else {
		const counts = [...severities].reverse().map(severity => [severity, findings.filter(item => item.severity === severity).length] as const).filter(([, count]) => count > 0);
		lines.push(`${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (${counts.map(([severity, count]) => `${count} ${severity}`).join(', ')}); ${what}`);
	}
	return lines;
}
