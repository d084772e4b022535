/** The operations layer: the table, the runner (read-only, cancellation), inputs, events and text. */
export {operation, operations} from './table.js';
export {OperationCancelledError, ReadOnlyError, leftStates, readOnlyRefusal, runOperation} from './run.js';
export type {Emit, Operation, OperationContext, OperationEvent, OperationId, OperationResult, RunOptions} from './types.js';
export type * from './inputs.js';
export {StepFailedError, eventLine, finishedLine, runningLine} from './format.js';
