/** The containers `deckhand doctor --containers` reviews: the running ones (optionally only those with some labels), inspected. */
import type {EnginePorts} from '../ports/index.js';
import type {ContainerInspect} from './container-rules.js';

/** Inspect JSON of running containers, filtered by `label` filters (`key=value` or `key`). */
export async function inspectRunningContainers(ports: Pick<EnginePorts, 'containers'>, labels: readonly string[] = []): Promise<ContainerInspect[]> {
	const list = await ports.containers.list({all: false, labels});
	const inspects = await Promise.all(list.map(async item => ports.containers.inspect(item.Id).catch(() => undefined)));
	// A container removed between list and inspect is simply gone.
	return inspects.filter(item => item !== undefined) as ContainerInspect[];
}
