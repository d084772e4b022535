/** Logs, engine side: decoding Docker's log streams, following across restarts, bounded buffers. */
export {createLogDecoder, type LogDecoder, type LogLine} from './decode.js';
export {demultiplex, encodeFrame, type Frame, type OutputStream} from './demux.js';
export {followLogs, resumeBackoffMs, type FollowOptions, type LogCapabilities, type LogStreamRequest} from './follow.js';
export {splitLines} from './lines.js';
export {RingBuffer} from './ring-buffer.js';
export {sinceArgument, splitTimestamp, timestampNanos} from './timestamps.js';
