/**
 * Errors that carry deckhand's exit codes (PRODUCT.md): 1 the operation failed,
 * 2 bad input, 3 no engine reachable. Commands throw them; `cli.tsx` prints the
 * one-line message and exits with the code.
 */

/** Exit codes shared by every subcommand. */
export const ExitCode = {
	ok: 0,
	failed: 1,
	usage: 2,
	unreachable: 3,
} as const;

/** Base class: an error that knows its exit code. */
export class DeckhandError extends Error {
	constructor(
		message: string,
		readonly exitCode: number,
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** Bad input: usage, invalid file, unknown service. Exit 2, nothing changed. */
export class UsageError extends DeckhandError {
	constructor(message: string) {
		super(message, ExitCode.usage);
	}
}

/** The operation ran and failed: timeout, unhealthy, deploy rolled back. Exit 1. */
export class OperationFailedError extends DeckhandError {
	constructor(message: string) {
		super(message, ExitCode.failed);
	}
}

/** No engine could be reached. Exit 3; the message says what was tried and how to fix it. */
export class EngineUnreachableError extends DeckhandError {
	constructor(
		message: string,
		readonly tried: readonly string[] = [],
	) {
		super(message, ExitCode.unreachable);
	}
}

/** A wait ran out of time; says which probe and what it last saw. Exit 1. */
export class TimeoutError extends DeckhandError {
	constructor(message: string) {
		super(message, ExitCode.failed);
	}
}
