#!/usr/bin/env bash
# npm test: start the private engine (installing what it needs), build, type-check, run every
# test against it, then stop the engine again if this run started it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm install --no-audit --no-fund

started=""
if ! bash scripts/engine.sh status 2>/dev/null; then started=1; fi
DOCKER_HOST=$(bash scripts/engine.sh start)
export DOCKER_HOST
cleanup() { if [ -n "$started" ] && [ -z "${DECKHAND_KEEP_ENGINE:-}" ]; then bash scripts/engine.sh stop; fi; }
trap cleanup EXIT

# The second engines' packages (test/engines: sshd, Podman), installed once here: the test files
# start their engines in parallel, and two apt-get runs at once fight over dpkg's lock.
missing=()
{ [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1; } || missing+=(openssh-server openssh-client)
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing ${missing[*]} (apt)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
fi

npm run --silent build
npm run --silent typecheck

run_tests() {
  node --import tsx --test --test-concurrency="$1" --test-reporter=spec "${@:2}"
}
if [ $# -gt 0 ]; then run_tests "${DECKHAND_TEST_CONCURRENCY:-4}" "$@"; exit; fi

# Everything but the console in tmux first, four files at a time; then the tmux tests, which
# time what a person sees (containers on screen within 2 s), on a machine not also running
# the rest of the suite, so a figure is the console's own and not the load of other tests.
shopt -s globstar nullglob
files=(test/**/*.test.ts test/**/*.test.tsx)
rest=() e2e=()
for file in "${files[@]}"; do
  # stop-order reads the daemon's event times to prove which stops overlap: like the tmux tests
  # it runs in the second, lighter phase, where four other files' containers do not skew them.
  case "$file" in test/e2e/*|test/engine/actions/compose/stop-order.test.ts) e2e+=("$file") ;; *) rest+=("$file") ;; esac
done
status=0
run_tests "${DECKHAND_TEST_CONCURRENCY:-4}" "${rest[@]}" || status=$?
run_tests 2 "${e2e[@]}" || status=$?
exit $status
