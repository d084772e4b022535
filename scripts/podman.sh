#!/usr/bin/env bash
# Podman's Docker-compatible API service, private to deckhand's tests and demo.
#
#   scripts/podman.sh start   install podman (and runc) if missing; write its own containers.conf and
#                             storage.conf; start `podman system service` on its own socket with its
#                             own storage, run and tmp roots; import the test image; idempotent;
#                             prints the DOCKER_HOST to use
#   scripts/podman.sh stop    stop that service (containers it runs are stopped first)
#   scripts/podman.sh env     print `export DOCKER_HOST=...` (and the CONTAINERS_* files for `podman`)
#   scripts/podman.sh status  exit 0 when the service answers /_ping
#
# What runs containers here: runc with `default_ulimits = []` (Podman's default nofile/nproc
# ulimits make runc fail with "error setting rlimit type 7: operation not permitted"; crun
# refuses this machine's cgroup v1 hybrid layout), cgroupfs (no systemd), file events.
# DECKHAND_PODMAN_DIR picks the instance (default /tmp/deckhand-podman). Nothing here touches
# the system's Podman storage, configuration or sockets.
set -euo pipefail

DIR="${DECKHAND_PODMAN_DIR:-/tmp/deckhand-podman}"
SOCK="$DIR/podman.sock"
HOST="unix://$SOCK"
PIDFILE="$DIR/service.pid"
IMAGE="${DECKHAND_TEST_IMAGE:-deckhand-test/busybox:1}"
export CONTAINERS_CONF="$DIR/containers.conf"
export CONTAINERS_STORAGE_CONF="$DIR/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$DIR/registries.conf"

log() { echo "podman: $*" >&2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages() {
  local missing=()
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  { [ -x /bin/busybox ] && file_is_static /bin/busybox; } || missing+=(busybox-static)
  apt_install "${missing[@]}"
}

write_config() {
  mkdir -p "$DIR"/{storage,run,tmp,volumes}
  cat > "$CONTAINERS_STORAGE_CONF" <<EOF
[storage]
driver = "overlay"
graphroot = "$DIR/storage"
runroot = "$DIR/run"
EOF
  cat > "$CONTAINERS_CONF" <<EOF
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$DIR/events.log"
tmp_dir = "$DIR/tmp"
volume_path = "$DIR/volumes"
EOF
  # No registries: the test image is imported, never pulled.
  echo 'unqualified-search-registries = []' > "$CONTAINERS_REGISTRIES_CONF"
}

answers() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }
running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start_service() {
  if running; then wait_until 30 answers && return 0; fi
  rm -f "$SOCK" "$PIDFILE"
  log "starting podman system service at $HOST"
  nohup podman --log-level=warn system service --time=0 "$HOST" >"$DIR/service.log" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  if ! wait_until 60 answers; then
    log "the service did not answer within 60 s; last lines of $DIR/service.log:"
    tail -20 "$DIR/service.log" >&2
    exit 1
  fi
}

import_image() {
  podman image exists "$IMAGE" && return 0
  log "importing $IMAGE from busybox-static"
  busybox_root_tar | podman import -q \
    -c 'CMD ["sh"]' -c 'ENV PATH=/bin:/sbin:/usr/bin:/usr/sbin' - "$IMAGE" >/dev/null
}

stop_service() {
  if running; then
    local pid
    pid=$(cat "$PIDFILE")
    log "stopping podman system service ($pid)"
    kill "$pid"
    wait_until 30 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid"
  fi
  rm -f "$PIDFILE" "$SOCK"
  # Containers outlive the service (conmon); stop this instance's own ones.
  if [ -f "$CONTAINERS_CONF" ]; then podman stop --all --time 2 >/dev/null 2>&1 || true; fi
}

case "${1:-start}" in
  start)
    install_packages
    write_config
    start_service
    import_image
    echo "$HOST"
    ;;
  stop) stop_service ;;
  env)
    echo "export DOCKER_HOST=$HOST"
    echo "export CONTAINERS_CONF=$CONTAINERS_CONF"
    echo "export CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF"
    echo "export CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF"
    ;;
  status) running && answers ;;
  *) echo "usage: scripts/podman.sh start|stop|status|env" >&2; exit 2 ;;
esac
