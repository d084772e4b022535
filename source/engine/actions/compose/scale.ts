/**
 * Compose scaling: STUB until the compose-scale branch lands (the lead takes that branch's
 * real file at merge). Only the signature the operations table calls is fixed here.
 */
import {UsageError} from '../../errors.js';
import type {EnginePorts} from '../../ports/index.js';

/** What a compose scale reports (the operations' event fields it fills). */
export type ComposeScaleEvent = {readonly kind: 'step' | 'phase'; readonly phase: string; readonly service?: string; readonly container?: string; readonly step?: string; readonly type?: string};

/** Sets a compose service's container count, health-gated. Not available yet: refuses as bad input. */
export async function scaleComposeService(
	_ports: EnginePorts,
	_target: {readonly project: string; readonly service: string; readonly replicas: number},
	_options: {readonly signal?: AbortSignal; readonly onEvent?: (event: ComposeScaleEvent) => void; readonly timeoutMs?: number} = {},
): Promise<void> {
	throw new UsageError('compose scale is not available yet');
}
