#!/usr/bin/env bash
# The private Docker engine deckhand's tests and demo run against.
#
#   scripts/engine.sh start   install docker.io/busybox-static/tmux if missing, start a private
#                             dockerd (own socket, data-root, exec-root, pidfile; no bridge, no
#                             iptables), init a single-node Swarm on 127.0.0.1, import the test
#                             image; idempotent; prints the DOCKER_HOST to use
#   scripts/engine.sh stop    stop that dockerd (and its containerd) again
#   scripts/engine.sh env     print `export DOCKER_HOST=...`
#   scripts/engine.sh status  exit 0 when the private engine answers
#
# DECKHAND_ENGINE_DIR picks another instance (tests that stop and restart a daemon use their
# own); DECKHAND_NO_SWARM=1 skips Swarm for such throwaway instances.
#
# Nothing here touches the system's own Docker daemon, socket or data.
set -euo pipefail

DIR="${DECKHAND_ENGINE_DIR:-/tmp/deckhand-engine}"
SOCK="$DIR/docker.sock"
HOST="unix://$SOCK"
PIDFILE="$DIR/dockerd.pid"
SWARM_PORT="${DECKHAND_SWARM_PORT:-12377}"
DATA_PATH_PORT="${DECKHAND_DATA_PATH_PORT:-14789}"
IMAGE="${DECKHAND_TEST_IMAGE:-deckhand-test/busybox:1}"
DOCKER="docker --host $HOST"

log() { echo "engine: $*" >&2; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  { [ -x /bin/busybox ] && file_is_static /bin/busybox; } || missing+=(busybox-static)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  apt_install "${missing[@]}"
}

answers() { $DOCKER version --format '{{.Server.Version}}' >/dev/null 2>&1; }

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_daemon() {
  mkdir -p "$DIR"/{data,exec}
  [ -f "$DIR/daemon.json" ] || echo '{}' > "$DIR/daemon.json"
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    wait_until 60 answers && return 0
  fi
  rm -f "$SOCK" "$PIDFILE"
  log "starting private dockerd at $HOST"
  nohup dockerd \
    --host "$HOST" \
    --config-file "$DIR/daemon.json" \
    --data-root "$DIR/data" \
    --exec-root "$DIR/exec" \
    --pidfile "$PIDFILE" \
    --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --log-level=warn \
    >"$DIR/dockerd.log" 2>&1 </dev/null &
  if ! wait_until 60 answers; then
    log "dockerd did not answer within 60 s; last lines of $DIR/dockerd.log:"
    tail -20 "$DIR/dockerd.log" >&2
    exit 1
  fi
}

init_swarm() {
  local state
  state=$($DOCKER info --format '{{.Swarm.LocalNodeState}}')
  if [ "$state" != "active" ]; then
    log "initialising Swarm on 127.0.0.1:$SWARM_PORT"
    $DOCKER swarm init --advertise-addr 127.0.0.1 --listen-addr "127.0.0.1:$SWARM_PORT" \
      --data-path-port "$DATA_PATH_PORT" >/dev/null
  fi
}

import_image() {
  if ! $DOCKER image inspect "$IMAGE" >/dev/null 2>&1; then
    log "importing $IMAGE from busybox-static"
    busybox_root_tar | $DOCKER import \
      -c 'CMD ["sh"]' -c 'ENV PATH=/bin:/sbin:/usr/bin:/usr/sbin' \
      - "$IMAGE" >/dev/null
  fi
}

stop_daemon() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    local pid
    pid=$(cat "$PIDFILE")
    log "stopping private dockerd ($pid)"
    kill "$pid"
    wait_until 60 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid"
  fi
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  start)
    install_packages
    start_daemon
    [ -n "${DECKHAND_NO_SWARM:-}" ] || init_swarm
    import_image
    echo "$HOST"
    ;;
  stop) stop_daemon ;;
  env) echo "export DOCKER_HOST=$HOST" ;;
  status) answers ;;
  *) echo "usage: scripts/engine.sh start|stop|env|status" >&2; exit 2 ;;
esac
