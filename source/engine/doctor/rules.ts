/**
 * Every doctor rule with its severity, why it matters and how to fix it. One table feeds the
 * findings, `--json` and the README's rule list.
 */
import type {Rule} from './types.js';

const rule = (id: string, severity: Rule['severity'], why: string, fix: string): Rule => ({id, severity, why, fix});

/** Compose file rules. */
export const composeRules = {
	noHealthcheck: rule('compose/no-healthcheck', 'warning',
		'Without a healthcheck Docker reports "running" while the app still boots or hangs, so dependents and operators cannot tell ready from broken.',
		'Add a healthcheck: with a cheap test (e.g. an HTTP /health request or pg_isready) plus interval, timeout and retries.'),
	dependsOnNotHealthy: rule('compose/depends-on-not-healthy', 'warning',
		'A plain depends_on only waits for the dependency\'s container to start, so this service boots into connection-refused errors while the dependency is still getting ready.',
		'Use the long form: depends_on: {NAME: {condition: service_healthy}}.'),
	dependsOnNoReadiness: rule('compose/depends-on-no-readiness', 'warning',
		'The dependency has no healthcheck and no readiness probe, so nothing can wait for it to be ready: this service starts the moment the dependency\'s container runs (the usual cause of "api started before db was ready").',
		'Give the dependency a healthcheck (or an x-deckhand ready probe) and depend on it with condition: service_healthy.'),
	noRestartPolicy: rule('compose/no-restart-policy', 'warning',
		'A long-running service without a restart policy stays down after a crash or a host reboot until someone notices.',
		'Set restart: unless-stopped (or on-failure) on the service.'),
	noResourceLimits: rule('compose/no-resource-limits', 'warning',
		'An unlimited container can take all of the host\'s memory or CPU, so one leak gets the whole host OOM-killed or starved.',
		'Set deploy.resources.limits.memory and deploy.resources.limits.cpus (or mem_limit and cpus).'),
	noLogRotation: rule('compose/no-log-rotation', 'warning',
		'The default json-file log driver never rotates, so a chatty service fills the disk unless the daemon sets log-opts.',
		'Add logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}} or use the local driver.'),
	unpinnedImage: rule('compose/unpinned-image', 'warning',
		'An untagged or latest image changes under you on the next pull, so a restart can deploy an untested version and rollbacks have nothing to go back to.',
		'Pin a version tag (postgres:16.4) or a digest (image@sha256:...).'),
	inlineSecret: rule('compose/inline-secret', 'error',
		'A secret written into the compose file ends up in version control, in docker inspect and in every copy of the file.',
		'Reference a variable (${DB_PASSWORD}) from an untracked .env or env_file, or use compose secrets and a *_FILE variable.'),
	databasePortPublic: rule('compose/database-port-public', 'warning',
		'A database or cache port published on all interfaces is reachable from the network (and Docker bypasses ufw/firewalld rules), which is how open Redis and Mongo servers get wiped or ransomed.',
		'Remove the port mapping (services reach it over the compose network) or bind it to loopback: "127.0.0.1:5432:5432".'),
	healthcheckNoStartPeriod: rule('compose/healthcheck-no-start-period', 'warning',
		'The check gives up after interval × retries, shorter than a typical start (30 s), so a slow first boot (migrations, cache warm-up) is marked unhealthy and may be restarted in a loop.',
		'Add start_period: (e.g. 60s) so failures during start-up do not count, or raise interval/retries.'),
	databaseNoVolume: rule('compose/database-no-volume', 'warning',
		'Without a named volume or bind mount on the data directory, the data lives in the container layer or an anonymous volume and is lost when the container is recreated or pruned.',
		'Mount a named volume on the data directory, e.g. volumes: ["pgdata:/var/lib/postgresql/data"].'),
	privileged: rule('compose/privileged', 'error',
		'privileged: true gives the container every capability and all host devices, so anyone who gets into it is root on the host.',
		'Drop privileged and grant only what is needed with cap_add, devices or security_opt.'),
	dockerSocket: rule('compose/docker-socket', 'warning',
		'The Docker socket lets the container start privileged containers and mount the host filesystem: it is root on the host.',
		'Mount it only into services that must manage Docker (a :ro mount does not restrict the API), ideally behind a filtering socket proxy.'),
} as const;

/** Dockerfile rules. */
export const dockerfileRules = {
	buildToolsInFinalImage: rule('dockerfile/build-tools-in-final-image', 'warning',
		'Compilers and dev dependencies in the shipped image make it hundreds of MB larger, slower to pull and deploy, and give an attacker a toolchain.',
		'Build in a separate stage (FROM ... AS build) and COPY --from=build only the output into a slim final stage.'),
	noUser: rule('dockerfile/no-user', 'warning',
		'Without USER the process runs as root, so an exploit in the app is root inside the container and one kernel or mount mistake away from the host.',
		'Create an unprivileged user and switch to it near the end: RUN adduser -D app, then USER app.'),
	noHealthcheck: rule('dockerfile/no-healthcheck', 'info',
		'Without a HEALTHCHECK, containers from this image report only "running", unless every compose file or run command adds a check.',
		'Add HEALTHCHECK CMD with a cheap probe of the app (or define healthcheck: in the compose file).'),
	unpinnedBaseImage: rule('dockerfile/unpinned-base-image', 'warning',
		'An untagged or latest base image makes builds unreproducible: the same Dockerfile builds a different image next week.',
		'Pin the base image to a version tag (node:20.11-alpine) or a digest.'),
	addRemoteUrl: rule('dockerfile/add-remote-url', 'warning',
		'ADD of a URL downloads without checksum verification and keeps the archive in a layer, so builds are neither reproducible nor verified.',
		'Use RUN curl -fsSL URL | sha256sum-checked install (or ADD --checksum=sha256:...) and remove what you do not need in the same RUN.'),
	packageCache: rule('dockerfile/package-cache-not-cleaned', 'warning',
		'Package index and cache files left by apt-get/apk/yum are baked into the layer, adding tens of MB that a later RUN cannot remove.',
		'Clean up in the same RUN: apt-get install ... && rm -rf /var/lib/apt/lists/*, or apk add --no-cache.'),
	noInit: rule('dockerfile/no-init', 'warning',
		'A shell (shell form or a script) as PID 1 does not forward SIGTERM, so docker stop waits its full timeout and then kills the app without a clean shutdown.',
		'Use exec form (CMD ["app"]), end entrypoint scripts with exec "$@", or run under tini/dumb-init (ENTRYPOINT ["tini", "--"]).'),
	missingDockerignore: rule('dockerfile/missing-dockerignore', 'warning',
		'Without .dockerignore the whole build context (.git, node_modules, .env secrets) is sent to the daemon, slowing every build and risking secrets in the image.',
		'Add a .dockerignore next to the build context listing .git, node_modules, .env and build output.'),
} as const;

/** Rules checked on running containers (`docker inspect`). */
export const containerRules = {
	noHealthcheck: rule('container/no-healthcheck', 'warning',
		'The container has no healthcheck, so Docker reports "running" whether or not the app answers.',
		'Add a healthcheck to the image or the service definition and recreate the container.'),
	noRestartPolicy: rule('container/no-restart-policy', 'warning',
		'The container will not come back after a crash or a daemon restart.',
		'Recreate it with a restart policy (restart: unless-stopped), or docker update --restart unless-stopped NAME.'),
	noResourceLimits: rule('container/no-resource-limits', 'warning',
		'The container may use all host memory and CPU, so one leak can take the host down.',
		'docker update --memory and --cpus on the container, and set deploy.resources.limits in its compose file.'),
	runsAsRoot: rule('container/runs-as-root', 'warning',
		'The container\'s process runs as root, so a compromise of the app is root inside the container.',
		'Set USER in the image or user: in the service to an unprivileged uid and recreate the container.'),
} as const;

/** Every rule, for documentation and `--json` consumers. */
export const allRules: readonly Rule[] = [...Object.values(composeRules), ...Object.values(dockerfileRules), ...Object.values(containerRules)];
