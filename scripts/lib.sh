# Shell helpers the engine scripts share (sourced, not run).

wait_until() {
  # wait_until SECONDS CMD...: poll a condition every 100 ms until it holds or time runs out.
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
}

apt_install() {
  # apt_install PACKAGE...: install them from apt, quietly, waiting up to 300 s for dpkg's lock
  # (test files start their engines in parallel); nothing to do without packages. Uses the
  # calling script's log().
  [ $# -gt 0 ] || return 0
  log "installing $* (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$@" >&2
}

busybox_root_tar() {
  # busybox_root_tar: write to stdout a tar of a minimal root file system made of the static
  # /bin/busybox and its applets, root and nobody users and a sticky /tmp: the test image, which
  # is imported, never pulled.
  local root applet
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,tmp,etc,root,var/run,app,proc,sys,dev}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >> "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c .
  rm -rf "$root"
}

file_is_static() {
  # busybox-static replaces /bin/busybox with a static binary; the dynamic one cannot run in a
  # scratch image.
  ! LC_ALL=C ldd "$1" >/dev/null 2>&1
}
