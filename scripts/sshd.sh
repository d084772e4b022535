#!/usr/bin/env bash
# A private sshd on 127.0.0.1 whose remote side talks to a private Docker engine, so that
# deckhand's ssh:// engines meet a real SSH server (Debian's openssh-server).
#
#   scripts/sshd.sh start    install openssh-server if missing; make (once) a host key, a client
#                            key pair, authorized_keys, sshd_config, ssh_config and known_hosts in
#                            its own directory; pick a free port (kept for restarts); start sshd
#                            and an ssh-agent holding the client key; wait until `docker` answers
#                            through ssh; idempotent; prints the ssh:// host to use
#   scripts/sshd.sh stop     stop that sshd and its agent (the files stay, so a start reuses the port)
#   scripts/sshd.sh down     stop only sshd and drop its sessions (the client's agent stays): the
#                            server going away, for tests of connection loss
#   scripts/sshd.sh env      print the exports a client needs (DOCKER_HOST=ssh://..., SSH_AUTH_SOCK,
#                            DECKHAND_SSH_KEY, DECKHAND_SSH_CONFIG)
#   scripts/sshd.sh status   exit 0 when sshd answers and `docker version` works through it
#
# DECKHAND_SSHD_DIR picks the instance (default /tmp/deckhand-sshd); DECKHAND_SSHD_DOCKER_HOST
# the engine remote sessions talk to (default the private engine); DECKHAND_SSHD_PORT a fixed port.
# Nothing here touches the system's sshd, its keys or ~/.ssh.
set -euo pipefail

DIR="${DECKHAND_SSHD_DIR:-/tmp/deckhand-sshd}"
TARGET="${DECKHAND_SSHD_DOCKER_HOST:-unix:///tmp/deckhand-engine/docker.sock}"
PIDFILE="$DIR/sshd.pid"
AGENT_SOCK="$DIR/agent.sock"
AGENT_PIDFILE="$DIR/agent.pid"

log() { echo "sshd: $*" >&2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages() {
  if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null 2>&1; then
    apt_install openssh-server openssh-client
  fi
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

port() { cat "$DIR/port"; }

make_files() {
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  [ -f "$DIR/port" ] || { if [ -n "${DECKHAND_SSHD_PORT:-}" ]; then echo "$DECKHAND_SSHD_PORT"; else free_port; fi; } > "$DIR/port"
  [ -f "$DIR/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C deckhand-sshd-host -f "$DIR/ssh_host_ed25519_key"
  [ -f "$DIR/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C deckhand-test-client -f "$DIR/id_ed25519"
  cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"
  chmod 600 "$DIR/authorized_keys"
  # SetEnv gives every session (dial-stdio included) the engine, whichever `docker` is on PATH.
  cat > "$DIR/sshd_config" <<EOF
ListenAddress 127.0.0.1:$(port)
HostKey $DIR/ssh_host_ed25519_key
PidFile $PIDFILE
AuthorizedKeysFile $DIR/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
SetEnv DOCKER_HOST=$TARGET
Subsystem sftp internal-sftp
EOF
  echo "[127.0.0.1]:$(port) $(cut -d' ' -f1,2 "$DIR/ssh_host_ed25519_key.pub")" > "$DIR/known_hosts"
  cat > "$DIR/ssh_config" <<EOF
Host 127.0.0.1
  Port $(port)
  User root
  IdentityFile $DIR/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $DIR/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
EOF
}

ssh_docker() { ssh -F "$DIR/ssh_config" -o ConnectTimeout=2 127.0.0.1 docker "$@"; }
answers() { ssh_docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start_sshd() {
  mkdir -p /run/sshd # privilege separation directory sshd insists on
  if running; then wait_until 30 answers && return 0; fi
  rm -f "$PIDFILE"
  log "starting sshd on 127.0.0.1:$(port) (remote docker: $TARGET)"
  /usr/sbin/sshd -f "$DIR/sshd_config" -E "$DIR/sshd.log"
  if ! wait_until 30 answers; then
    log "no docker through sshd within 30 s; last lines of $DIR/sshd.log:"
    tail -20 "$DIR/sshd.log" >&2
    ssh_docker version >&2 || true
    exit 1
  fi
}

start_agent() {
  if [ -f "$AGENT_PIDFILE" ] && kill -0 "$(cat "$AGENT_PIDFILE")" 2>/dev/null; then return 0; fi
  rm -f "$AGENT_SOCK"
  ssh-agent -a "$AGENT_SOCK" -s | sed -n 's/^SSH_AGENT_PID=\([0-9]*\);.*/\1/p' > "$AGENT_PIDFILE"
  SSH_AUTH_SOCK="$AGENT_SOCK" ssh-add -q "$DIR/id_ed25519"
}

stop_pidfile() {
  local file="$1" pid
  if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
    pid=$(cat "$file")
    kill "$pid"
    wait_until 10 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid"
  fi
  rm -f "$file"
}

stop_sshd() {
  # The listener and every session it forked (by pid), so open connections drop as they
  # would when the server goes away.
  if running; then
    log "stopping sshd ($(cat "$PIDFILE")) and its sessions"
    local sessions pid
    sessions=$(pgrep -P "$(cat "$PIDFILE")" || true)
    stop_pidfile "$PIDFILE"
    for pid in $sessions; do kill "$pid" 2>/dev/null || true; done
  fi
  rm -f "$PIDFILE"
}

print_env() {
  echo "export DOCKER_HOST=ssh://root@127.0.0.1:$(port)"
  echo "export SSH_AUTH_SOCK=$AGENT_SOCK"
  echo "export DECKHAND_SSH_KEY=$DIR/id_ed25519"
  echo "export DECKHAND_SSH_CONFIG=$DIR/ssh_config"
}

case "${1:-start}" in
  start)
    install_packages
    make_files
    start_sshd
    start_agent
    echo "ssh://root@127.0.0.1:$(port)"
    ;;
  stop)
    stop_sshd
    stop_pidfile "$AGENT_PIDFILE"
    rm -f "$AGENT_SOCK"
    ;;
  down) stop_sshd ;;
  env) print_env ;;
  status) running && answers ;;
  *) echo "usage: scripts/sshd.sh start|stop|down|status|env" >&2; exit 2 ;;
esac
