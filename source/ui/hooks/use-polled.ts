/**
 * Runs an async read now and every `intervalMs` while `active`, keeping the last result or
 * error; for Inspect, Health and Top, which Docker only offers as requests.
 */
import {useEffect, useState} from 'react';

/** The latest value of `read(key)`, re-read every `intervalMs` (0: once). */
export function usePolled<T>(read: ((key: string) => Promise<T>) | undefined, key: string | undefined, active: boolean, intervalMs: number): {value?: T; error?: string} {
	const [result, setResult] = useState<{value?: T; error?: string; key?: string}>({});
	useEffect(() => {
		if (!active || !key || !read) return;
		let cancelled = false;
		let timer: NodeJS.Timeout | undefined;
		const run = () => {
			read(key).then(
				value => {
					if (!cancelled) setResult({value, key});
				},
				(error: unknown) => {
					if (!cancelled) setResult({error: error instanceof Error ? error.message : String(error), key});
				},
			).finally(() => {
				if (!cancelled && intervalMs > 0) timer = setTimeout(run, intervalMs);
			});
		};
		run();
		return () => {
			cancelled = true;
			if (timer) clearTimeout(timer);
		};
	}, [read, key, active, intervalMs]);
	return result.key === key ? result : {};
}
