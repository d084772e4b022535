#!/usr/bin/env bash
# npm run demo: build deckhand, make sure an engine with the demo image answers (starting the
# private engine from scripts/engine.sh when none does), bring up demo/compose.yaml as project
# "deckhand-demo" (a healthcheck that flips, a chatty logger, a CPU burner, a service gated on
# the healthy one), then open the console on it.
#
#   bash scripts/demo.sh          demo on DOCKER_HOST / the default socket, else the private engine
#   bash scripts/demo.sh down     remove the demo project again
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECT="${DECKHAND_DEMO_PROJECT:-deckhand-demo}"
IMAGE="${DECKHAND_TEST_IMAGE:-deckhand-test/busybox:1}"

[ -d node_modules ] || npm install --no-audit --no-fund
# Build when dist is missing or older than the sources (DECKHAND_DEMO_SKIP_BUILD=1: the caller just built).
if [ -z "${DECKHAND_DEMO_SKIP_BUILD:-}" ] || [ ! -f dist/cli.js ]; then
  [ -f dist/cli.js ] && [ -z "$(find cli.tsx source themes -newer dist/cli.js -print -quit)" ] || npm run --silent build
fi

# Exit 0 when the engine that DOCKER_HOST (or the default socket) names answers within 3 s
# and has the demo image (nothing is ever pulled).
engine_ready() {
  node --input-type=module -e "
    import Docker from 'dockerode';
    const docker = new Docker();
    const timer = setTimeout(() => process.exit(1), 3000);
    try { await docker.ping(); await docker.getImage(process.argv[1]).inspect(); process.exit(0); }
    catch { process.exit(1); }
  " "$IMAGE" 2>/dev/null
}

if ! engine_ready; then
  echo "demo: no engine with $IMAGE at ${DOCKER_HOST:-the default socket}; starting the private engine" >&2
  DOCKER_HOST="$(bash scripts/engine.sh start)"
  export DOCKER_HOST
fi

if [ "${1:-}" = "down" ]; then
  exec node dist/cli.js down -f demo/compose.yaml -p "$PROJECT"
fi

echo "demo: bringing up $PROJECT on ${DOCKER_HOST:-the default socket}" >&2
node dist/cli.js up -f demo/compose.yaml -p "$PROJECT"
echo "demo: opening the console (q quits; remove the demo with: bash scripts/demo.sh down)" >&2
exec node dist/cli.js
