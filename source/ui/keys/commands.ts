/**
 * Every console command as data (gemini-cli style): an id, its default keys, a description
 * and whether it is dangerous (asks for confirmation) or mutating (vanishes with
 * --read-only). The help overlay, the key hints, the palette and README's key table are all
 * generated from this one list. Commands whose engine function does not exist yet are not
 * listed at all: an absent key beats a fake one.
 */

/** Where a command applies: everywhere, on the left lists, or in the main (tab) area. */
export type CommandScope = 'global' | 'list' | 'main';

/** One command the console can run from a key. */
export type CommandSpec = {
	readonly id: string;
	readonly keys: readonly string[];
	readonly description: string;
	readonly scope: CommandScope;
	/** Asks for confirmation first and is removed by --read-only. */
	readonly dangerous?: boolean;
	/** Changes something on the engine (or gives a shell); removed by --read-only. */
	readonly mutating?: boolean;
	/** Shown in the bottom hint line of its scope. */
	readonly hint?: string;
};

/** The default commands, in the order help and README list them. */
export const defaultCommands: readonly CommandSpec[] = [
	{id: 'cursor.down', keys: ['j', 'down'], description: 'Move down', scope: 'global'},
	{id: 'cursor.up', keys: ['k', 'up'], description: 'Move up', scope: 'global'},
	{id: 'cursor.pageDown', keys: ['pagedown', 'ctrl-d'], description: 'Move down one page', scope: 'global'},
	{id: 'cursor.pageUp', keys: ['pageup', 'ctrl-u'], description: 'Move up one page', scope: 'global'},
	{id: 'cursor.first', keys: ['home'], description: 'Go to the first row', scope: 'global'},
	{id: 'cursor.last', keys: ['end', 'G'], description: 'Go to the last row', scope: 'global'},
	{id: 'panel.next', keys: ['tab'], description: 'Next panel', scope: 'global', hint: 'panel'},
	{id: 'panel.previous', keys: ['shift-tab'], description: 'Previous panel', scope: 'global'},
	{id: 'panel.engine', keys: ['1'], description: 'Engine panel', scope: 'global'},
	{id: 'panel.services', keys: ['2'], description: 'Services panel', scope: 'global'},
	{id: 'panel.containers', keys: ['3'], description: 'Containers panel', scope: 'global'},
	{id: 'panel.images', keys: ['4'], description: 'Images panel', scope: 'global'},
	{id: 'panel.volumes', keys: ['5'], description: 'Volumes panel', scope: 'global'},
	{id: 'panel.networks', keys: ['6'], description: 'Networks panel', scope: 'global'},
	{id: 'list.sort', keys: ['o'], description: 'Order Services and Containers: problems first (default), name, CPU, memory', scope: 'global', hint: 'order'},
	{id: 'fleet.toggle', keys: ['F'], description: 'Several engines: Services and Containers grouped by engine, or only the engine selected in Engines (1)', scope: 'global'},
	{id: 'events.toggle', keys: ['E'], description: 'Show or hide recent Docker events in the main area (deckhand\'s own calls left out)', scope: 'global', hint: 'events'},
	{id: 'tab.next', keys: [']', 'right'], description: 'Next tab (Logs, Stats, Health, Inspect, Top)', scope: 'global', hint: 'tab'},
	{id: 'tab.previous', keys: ['[', 'left'], description: 'Previous tab', scope: 'global'},
	{id: 'focus.main', keys: ['enter'], description: 'Focus the main area', scope: 'list'},
	{id: 'focus.list', keys: ['escape'], description: 'Back to the list from the main area (clears a log search)', scope: 'main'},
	{id: 'list.filter', keys: ['/'], description: 'Filter the list (search in logs)', scope: 'global', hint: 'filter'},
	{id: 'search.next', keys: ['n'], description: 'Next (older) search match in logs; the counter k/N counts from the newest and wraps around', scope: 'main'},
	{id: 'search.previous', keys: ['N'], description: 'Previous (newer) search match in logs', scope: 'main'},
	{id: 'logs.follow', keys: ['f'], description: 'Follow logs on/off', scope: 'main', hint: 'follow'},
	{id: 'logs.wrap', keys: ['w'], description: 'Wrap long log lines on/off', scope: 'main', hint: 'wrap'},
	{id: 'logs.timestamps', keys: ['t'], description: 'Show log timestamps on/off', scope: 'main', hint: 'time'},
	{id: 'logs.filter', keys: ['&'], description: 'Show only the log lines matching the search on/off (like less)', scope: 'main', hint: 'only matches'},
	{id: 'logs.project', keys: ['P'], description: 'Logs of the selected service\'s whole project, merged in time order, on/off', scope: 'main'},
	{id: 'inspect.reveal', keys: ['v'], description: 'Reveal masked secrets in Inspect', scope: 'main', hint: 'reveal'},
	{id: 'chart.open', keys: ['g'], description: 'Full-screen CPU and memory charts of the services and containers (q returns)', scope: 'global', hint: 'charts'},
	{id: 'palette.open', keys: [':'], description: 'Command palette (:logs api, :theme light, :restart api; tab completes)', scope: 'global', hint: 'palette'},
	{id: 'container.restart', keys: ['r'], description: 'Restart the selected container or service', scope: 'global', dangerous: true, mutating: true, hint: 'restart'},
	{id: 'service.restartWithDependents', keys: ['R'], description: 'Restart the selected service and everything that depends on it, in order', scope: 'global', dangerous: true, mutating: true},
	{id: 'container.stop', keys: ['s'], description: 'Stop the selected container or service', scope: 'global', dangerous: true, mutating: true, hint: 'stop'},
	{id: 'container.start', keys: ['S'], description: 'Start the selected container or service', scope: 'global', mutating: true, hint: 'start'},
	{id: 'project.up', keys: ['u'], description: 'Bring the selected service\'s compose project up in dependency order, gated on health', scope: 'global', dangerous: true, mutating: true},
	{id: 'service.reload', keys: ['h'], description: 'Hot-reload the selected service or container as its labels say (signal, touch, exec or restart), then wait until it is ready', scope: 'global', mutating: true, hint: 'reload'},
	{id: 'service.deploy', keys: ['d'], description: 'Deploy an app tarball into the selected container (asks for the path; backup first, rolls back by itself if it fails)', scope: 'global', dangerous: true, mutating: true},
	{id: 'service.rollback', keys: ['b'], description: 'Roll the selected container back to the backup its last deploy took', scope: 'global', dangerous: true, mutating: true},
	{id: 'swarm.scaleUp', keys: ['+'], description: 'Add a replica to the selected Swarm service and wait until it is ready', scope: 'global', mutating: true},
	{id: 'swarm.scaleDown', keys: ['-'], description: 'Remove a replica from the selected Swarm service', scope: 'global', dangerous: true, mutating: true},
	{id: 'container.exec', keys: ['e'], description: 'Open a shell in the selected container (console suspends)', scope: 'global', mutating: true, hint: 'shell'},
	{id: 'help.toggle', keys: ['?'], description: 'Show or hide this help', scope: 'global', hint: 'help'},
	{id: 'app.quit', keys: ['q', 'ctrl-c'], description: 'Quit', scope: 'global', hint: 'quit'},
];

/** Key names a binding may use besides single printable characters. */
export const namedKeys: readonly string[] = [
	'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'shift-tab',
	'backspace', 'delete', 'space',
];

/** True when `key` is a binding the console can recognise (`j`, `ctrl-r`, `shift-tab`, `pagedown`). */
export function isValidKey(key: string): boolean {
	if (namedKeys.includes(key)) return true;
	if (/^ctrl-[a-z]$/.test(key)) return true;
	return [...key].length === 1 && key !== ' ' && key.codePointAt(0)! >= 0x21 && key.codePointAt(0)! !== 0x7f;
}
