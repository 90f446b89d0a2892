#!/usr/bin/env bash
# Kamailio registrar/proxy with GRUU on 127.0.0.1:$SIP_PORT (default 15060), config docker/kamailio.
# usage: kamailio.sh start|stop|status
source "$(dirname "$0")/lib.sh"
PORT="${KAMAILIO_PORT:-15060}"
CTL="${KAMAILIO_CTL_PORT:-15090}"
DIR="$RUN/kamailio-$PORT"
PIDF="$DIR/kamailio.pid"
start() {
  if pid_alive "$PIDF"; then log "kamailio already running (pid $(cat "$PIDF")) on 127.0.0.1:$PORT"; return; fi
  if ss -lun | grep -q "127.0.0.1:$PORT "; then log "a SIP server already listens on 127.0.0.1:$PORT (not ours); using it"; return; fi
  if ! command -v kamailio >/dev/null && [ ! -x /usr/sbin/kamailio ]; then
    log "installing kamailio (apt)"
    (apt-get install -y -qq kamailio >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq kamailio >/dev/null; }) \
      || die "apt-get install kamailio"
  fi
  mkdir -p "$DIR"
  setsid /usr/sbin/kamailio -DD -E -f "$ROOT/docker/kamailio/kamailio.cfg" -A "SIP_PORT=$PORT" \
    -A "CTL_SOCK=\"tcp:127.0.0.1:$CTL\"" ${KAMAILIO_QUIET:+-A QUIET} \
    -P "$PIDF" -Y "$DIR" -w "$DIR" -m 256 -M 8 >> "$DIR/kamailio.log" 2>&1 &
  local launcher=$!
  for _ in $(seq 60); do
    if [ -s "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null && ss -lun | grep -q "127.0.0.1:$PORT "; then
      log "kamailio ready (pid $(cat "$PIDF")) on 127.0.0.1:$PORT"; return
    fi
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 60 "$DIR/kamailio.log" >&2 || true
  die "kamailio did not come up"
}
case "${1:-}" in
  start) start ;;
  stop) stop_pid "$PIDF" kamailio ;;
  status) pid_alive "$PIDF" && echo "running $(cat "$PIDF")" || { echo stopped; exit 1; } ;;
  *) die "usage: $0 start|stop|status" ;;
esac
