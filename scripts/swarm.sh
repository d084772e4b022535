#!/usr/bin/env bash
# A Swarm of two nodes on this machine: two more private dockerds (scripts/engine.sh with their
# own directories, so own sockets, data and exec roots), a manager and a worker, each with its
# own Swarm ports on its own loopback address.
#
#   scripts/swarm.sh start   start both daemons (installing docker.io when missing), init the Swarm
#                            on the manager, join the worker, wait until both nodes are Ready;
#                            idempotent; prints the manager's DOCKER_HOST
#   scripts/swarm.sh stop    stop both daemons (their Swarm state stays in the directory)
#   scripts/swarm.sh env     print `export DOCKER_HOST=<manager>` and DECKHAND_SWARM_WORKER_HOST
#   scripts/swarm.sh status  exit 0 when the manager sees two Ready nodes
#
# Why 127.0.0.2 and 127.0.0.3: every Swarm node also binds the gossip port 7946 (not
# configurable in Docker 20.10) on its advertise address, and the shared private engine already
# holds 127.0.0.1:7946; distinct loopback addresses keep the nodes apart. DECKHAND_SWARM_DIR picks
# the instance (default /tmp/deckhand-swarm); DECKHAND_SWARM_ADDRS="MANAGER_IP WORKER_IP" the
# addresses. The shared private engine and its Swarm are never touched.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DIR="${DECKHAND_SWARM_DIR:-/tmp/deckhand-swarm}"
read -r MANAGER_IP WORKER_IP <<<"${DECKHAND_SWARM_ADDRS:-127.0.0.2 127.0.0.3}"
MANAGER_HOST="unix://$DIR/manager/docker.sock"
WORKER_HOST="unix://$DIR/worker/docker.sock"

log() { echo "swarm: $*" >&2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

engine() { DECKHAND_ENGINE_DIR="$DIR/$1" DECKHAND_NO_SWARM=1 bash "$HERE/engine.sh" "$2"; }
state() { docker --host "unix://$DIR/$1/docker.sock" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
ready_nodes() { docker --host "$MANAGER_HOST" node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true; }
two_ready() { [ "$(ready_nodes)" = 2 ]; }

ports() {
  # The manager's and worker's Swarm ports and the data path port, chosen once and kept.
  mkdir -p "$DIR"
  [ -f "$DIR/ports" ] || echo "$(free_port) $(free_port) $(free_port)" > "$DIR/ports"
  read -r MANAGER_PORT WORKER_PORT DATA_PORT < "$DIR/ports"
}

start() {
  ports
  engine manager start >/dev/null
  engine worker start >/dev/null
  if [ "$(state manager)" != active ]; then
    log "initialising Swarm on $MANAGER_IP:$MANAGER_PORT (data path port $DATA_PORT)"
    docker --host "$MANAGER_HOST" swarm init --listen-addr "$MANAGER_IP:$MANAGER_PORT" \
      --advertise-addr "$MANAGER_IP:$MANAGER_PORT" --data-path-port "$DATA_PORT" >/dev/null
  fi
  if [ "$(state worker)" != active ]; then
    log "joining the worker from $WORKER_IP:$WORKER_PORT"
    docker --host "$WORKER_HOST" swarm join --token "$(docker --host "$MANAGER_HOST" swarm join-token -q worker)" \
      --listen-addr "$WORKER_IP:$WORKER_PORT" --advertise-addr "$WORKER_IP:$WORKER_PORT" \
      --data-path-addr "$WORKER_IP" "$MANAGER_IP:$MANAGER_PORT" >/dev/null
  fi
  if ! wait_until 60 two_ready; then
    log "the Swarm has $(ready_nodes) Ready node(s) after 60 s:"
    docker --host "$MANAGER_HOST" node ls >&2 || true
    exit 1
  fi
  echo "$MANAGER_HOST"
}

unmount_leftovers() {
  # A stopped Swarm node leaves its ingress sandbox's network namespace mounted under its exec
  # root; unmount those (ours only: under $DIR/{manager,worker}/exec/netns).
  local mountpoint
  for mountpoint in $(awk '{print $5}' /proc/self/mountinfo | grep -E "^$DIR/(manager|worker)/exec/netns/" || true); do
    umount "$mountpoint" 2>/dev/null || true
  done
}

case "${1:-start}" in
  start) start ;;
  stop)
    engine worker stop
    engine manager stop
    unmount_leftovers
    ;;
  env)
    echo "export DOCKER_HOST=$MANAGER_HOST"
    echo "export DECKHAND_SWARM_WORKER_HOST=$WORKER_HOST"
    ;;
  status) two_ready ;;
  *) echo "usage: scripts/swarm.sh start|stop|status|env" >&2; exit 2 ;;
esac
