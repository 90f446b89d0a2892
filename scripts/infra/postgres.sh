#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL 15 cluster is up on 127.0.0.1:5432 (trust auth).
# Tests create their own databases (see libs/testing). usage: postgres.sh start|status
source "$(dirname "$0")/lib.sh"
PGHOST_="${PGHOST:-127.0.0.1}"; PGPORT_="${PGPORT:-5432}"
ready() { pg_isready -q -h "$PGHOST_" -p "$PGPORT_"; }
start() {
  if ready; then log "postgres ready on $PGHOST_:$PGPORT_"; return; fi
  if ! command -v pg_ctlcluster >/dev/null; then
    log "installing postgresql (apt)"; apt-get install -y -qq postgresql >/dev/null || die "apt-get install postgresql"
  fi
  local ver; ver="$(ls /etc/postgresql | sort -n | tail -n 1)"
  log "starting postgres cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 60); do ready && break; sleep 0.5; done
  ready || { tail -n 40 "/var/log/postgresql/postgresql-$ver-main.log" >&2 || true; die "postgres did not come up"; }
  log "postgres ready on $PGHOST_:$PGPORT_"
}
case "${1:-}" in
  start) start ;;
  status) ready && echo running || { echo stopped; exit 1; } ;;
  stop) log "postgres is the machine's service; left running" ;;
  *) die "usage: $0 start|status|stop" ;;
esac
