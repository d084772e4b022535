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

npm run --silent build
npm run --silent typecheck

shopt -s globstar nullglob
files=(test/**/*.test.ts test/**/*.test.tsx)
if [ $# -gt 0 ]; then files=("$@"); fi
node --import tsx --test --test-concurrency="${DECKHAND_TEST_CONCURRENCY:-4}" --test-reporter=spec "${files[@]}"
