/**
 * The normalised compose model deckhand plans from: one shape whatever spelling the file used
 * (short/long syntax, strings/lists, durations as text), durations in milliseconds.
 */
import type {Document, LineCounter} from 'yaml';

/** When a dependent may start, as compose's `depends_on.condition` says. */
export type DependsOnCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** One `depends_on` entry. */
export type DependsOn = {
	readonly condition: DependsOnCondition;
	/** Compose's `restart: true`: restart this service when the dependency restarts. */
	readonly restart: boolean;
	readonly required: boolean;
};

/** A healthcheck with durations in ms; `test` is the Docker form (`['CMD-SHELL', '...']`). */
export type Healthcheck = {
	readonly test?: readonly string[];
	readonly intervalMs?: number;
	readonly timeoutMs?: number;
	readonly startPeriodMs?: number;
	readonly retries?: number;
	readonly disable: boolean;
};

/** A port mapping in long form. */
export type PortMapping = {
	readonly target: number;
	readonly published?: string;
	readonly hostIp?: string;
	readonly protocol: 'tcp' | 'udp';
};

/** A mount in long form. */
export type VolumeMount = {
	readonly type: 'bind' | 'volume' | 'tmpfs';
	readonly source?: string;
	readonly target: string;
	readonly readOnly: boolean;
};

/** deploy.replicas and deploy.resources (cpus as a number, memory in bytes). */
export type Deploy = {
	readonly replicas?: number;
	readonly limits?: {readonly cpus?: number; readonly memoryBytes?: number};
	readonly reservations?: {readonly cpus?: number; readonly memoryBytes?: number};
};

/** One service, normalised. */
export type ComposeService = {
	readonly name: string;
	readonly image?: string;
	readonly command?: readonly string[];
	readonly entrypoint?: readonly string[];
	/** Merged env_file + environment, interpolated; `undefined` value = pass through unset. */
	readonly environment: Readonly<Record<string, string>>;
	readonly ports: readonly PortMapping[];
	readonly volumes: readonly VolumeMount[];
	/** Networks the service joins (empty and no networkMode = the project's default network). */
	readonly networks: readonly string[];
	readonly networkMode?: string;
	readonly healthcheck?: Healthcheck;
	readonly dependsOn: Readonly<Record<string, DependsOn>>;
	readonly restart?: string;
	/** The service's own labels plus `deckhand.*` from `x-deckhand`. */
	readonly labels: Readonly<Record<string, string>>;
	readonly user?: string;
	readonly workingDir?: string;
	readonly stopSignal?: string;
	readonly stopGracePeriodMs?: number;
	readonly containerName?: string;
	readonly profiles: readonly string[];
	readonly deploy: Deploy;
	/** The top-level `scale:` key (compose spec); the loader refuses it when it differs from deploy.replicas. */
	readonly scale?: number;
	readonly logging?: {readonly driver?: string; readonly options: Readonly<Record<string, string>>};
};

/** A declared network or volume. */
export type ComposeResource = {
	/** The engine-side name (`<project>_<key>` unless `name:` or external). */
	readonly name: string;
	readonly external: boolean;
	readonly driver?: string;
	readonly labels: Readonly<Record<string, string>>;
};

/** A whole project: what `up` plans from. */
export type ComposeProject = {
	readonly name: string;
	/** Directory of the first file; relative paths resolve against it. */
	readonly workingDir: string;
	readonly configFiles: readonly string[];
	/** Active services only (profiles applied). */
	readonly services: Readonly<Record<string, ComposeService>>;
	readonly networks: Readonly<Record<string, ComposeResource>>;
	readonly volumes: Readonly<Record<string, ComposeResource>>;
	/** Labels added to every created object (tests use `deckhand.test=<run>`). */
	readonly extraLabels: Readonly<Record<string, string>>;
};

/** Where something is in the source files. */
export type SourcePosition = {readonly file: string; readonly line: number};

/** A non-fatal problem, e.g. an unsupported key that is ignored. */
export type ComposeWarning = {readonly message: string; readonly position?: SourcePosition};

/** One parsed file, kept for tools (doctor) that need node-level detail. */
export type SourceDocument = {
	readonly file: string;
	readonly document: Document.Parsed;
	readonly lineCounter: LineCounter;
};

/** What `loadCompose` returns. */
export type LoadedCompose = {
	readonly project: ComposeProject;
	readonly warnings: readonly ComposeWarning[];
	/** The file and 1-based line of a key path, e.g. `['services', 'db', 'image']`; last file that sets it wins. */
	locate(path: ReadonlyArray<string | number>): SourcePosition | undefined;
	readonly documents: readonly SourceDocument[];
};

/** Options of `loadCompose`. */
export type LoadOptions = {
	/** Files in `-f` order; empty = discover compose.yaml & co in cwd. */
	readonly files?: readonly string[];
	readonly projectName?: string;
	readonly cwd?: string;
	/** Environment for interpolation (default process.env); `.env` in the project dir fills gaps. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Active profiles (default COMPOSE_PROFILES). */
	readonly profiles?: readonly string[];
	readonly extraLabels?: Readonly<Record<string, string>>;
};
