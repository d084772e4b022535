# Shell helpers the engine scripts share (sourced, not run).

wait_until() {
  # wait_until SECONDS CMD...: poll a condition every 100 ms until it holds or time runs out.
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
}
