/**
 * The doctor's data: severities, findings and the rule shape. Findings are plain data so the
 * CLI, `--json` and the console all show the same thing.
 */
import {compareText} from '../text/compare.js';

/** How much a finding matters, lowest first. */
export const severities = ['info', 'warning', 'error'] as const;

/** One of `info`, `warning`, `error`. */
export type Severity = (typeof severities)[number];

/** Orders severities: `info` < `warning` < `error`. */
export const severityRank = (severity: Severity): number => severities.indexOf(severity);

/** Whether a text is a severity name. */
export const isSeverity = (value: string): value is Severity => (severities as readonly string[]).includes(value);

/**
 * One problem found. `file` is a path for files and `container:<name>` for live containers
 * (whose `line` is 0).
 */
export type Finding = {
	readonly rule: string;
	readonly severity: Severity;
	readonly file: string;
	readonly line: number;
	/** What is wrong here, naming the service, stage or value. */
	readonly message: string;
	/** Why it matters, one sentence. */
	readonly why: string;
	/** How to fix it, one sentence. */
	readonly fix: string;
};

/** A rule's fixed facts; the finding adds where and what. */
export type Rule = {
	readonly id: string;
	readonly severity: Severity;
	readonly why: string;
	readonly fix: string;
};

/** Builds a finding of `rule` at file:line. */
export const finding = (rule: Rule, file: string, line: number, message: string): Finding => ({
	rule: rule.id,
	severity: rule.severity,
	file,
	line,
	message,
	why: rule.why,
	fix: rule.fix,
});

/** Stable order: file, line, rule id. */
export const compareFindings = (a: Finding, b: Finding): number =>
	compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message);
