/**
 * The containers a bench watches: labelled busybox containers (NetworkMode none) that print
 * a line a second, every third with a healthcheck, and optionally some chatty ones writing
 * ~2,000 lines/s (200 lines every 100 ms). Created ten at a time; removed by label.
 */
import Docker from 'dockerode';

/** What to create. */
export type WorkloadSpec = {
	readonly prefix: string;
	readonly label: string;
	readonly count: number;
	/** The index of the first container to create (to grow a workload created before). */
	readonly from?: number;
	/** How many of the first containers are chatty (~2,000 lines/s). */
	readonly chatty?: number;
	readonly image?: string;
};

// No `hh:mm:ss` in either: benches read a shown timestamp as the timestamps toggle's effect.
const steadyScript = 'i=0; while true; do echo "steady line $i from $HOSTNAME"; i=$((i+1)); sleep 1; done';
const chattyScript = [
	'n=0; while true; do i=0; while [ $i -lt 200 ]; do',
	'if [ $((i % 50)) -eq 0 ]; then echo "chatty ERROR request $n.$i failed upstream=db-primary status=503 retry=later"; else echo "chatty INFO request $n.$i ok path=/api/items/$i bytes=2048 cache=miss"; fi;',
	'i=$((i+1)); done; n=$((n+1)); usleep 100000; done',
].join(' ');

/** The name of container `index` of a workload. */
export const workloadName = (prefix: string, index: number, chatty: boolean): string => `${prefix}-${chatty ? 'chatty' : 'steady'}-${String(index).padStart(3, '0')}`;

/** Creates and starts the workload's containers; returns their names in order. */
export async function createWorkload(docker: Docker, spec: WorkloadSpec): Promise<string[]> {
	const image = spec.image ?? process.env.DECKHAND_TEST_IMAGE ?? 'deckhand-test/busybox:1';
	const names: string[] = [];
	for (let start = spec.from ?? 0; start < spec.count; start += 10) {
		const batch = Array.from({length: Math.min(10, spec.count - start)}, (_, offset) => start + offset);
		names.push(
			...(await Promise.all(
				batch.map(async index => {
					const chatty = index < (spec.chatty ?? 0);
					const name = workloadName(spec.prefix, index, chatty);
					const container = await docker.createContainer({
						name,
						Image: image,
						Cmd: ['sh', '-c', chatty ? chattyScript : steadyScript],
						Labels: {'deckhand.test': spec.label},
						HostConfig: {NetworkMode: 'none', LogConfig: {Type: 'json-file', Config: {'max-size': '20m', 'max-file': '2'}}},
						...(index % 3 === 2 ? {Healthcheck: {Test: ['CMD', 'true'], Interval: 5_000_000_000, Timeout: 2_000_000_000, Retries: 3}} : {}),
					});
					await container.start();
					return name;
				}),
			)),
		);
	}
	return names;
}

/** Removes every container carrying the workload's label. */
export async function removeWorkload(docker: Docker, label: string): Promise<void> {
	const list = await docker.listContainers({all: true, filters: JSON.stringify({label: [`deckhand.test=${label}`]})});
	for (let index = 0; index < list.length; index += 10) {
		await Promise.all(list.slice(index, index + 10).map(async entry => docker.getContainer(entry.Id).remove({force: true}).catch(() => undefined)));
	}
}
