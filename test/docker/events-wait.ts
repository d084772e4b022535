/** Waiting on a live model's snapshots in integration tests (no sleeps: each change is checked). */
import type {LiveModel} from '../../source/engine/live/model-source.js';
import type {ModelSnapshot} from '../../source/engine/model/types.js';

/** Resolves with the first snapshot (current or notified) for which `holds` is true; rejects after `timeoutMs` with `describe(last)`. */
export function waitForSnapshot(model: LiveModel, holds: (snapshot: ModelSnapshot) => boolean, timeoutMs: number, describe: (snapshot: ModelSnapshot) => string): Promise<ModelSnapshot> {
	return new Promise((resolve, reject) => {
		if (holds(model.current())) {
			resolve(model.current());
			return;
		}
		const timer = setTimeout(() => {
			unsubscribe();
			reject(new Error(`condition not met within ${timeoutMs} ms: ${describe(model.current())}`));
		}, timeoutMs);
		const unsubscribe = model.subscribe(snapshot => {
			if (!holds(snapshot)) return;
			clearTimeout(timer);
			unsubscribe();
			resolve(snapshot);
		});
	});
}
