# Shared helpers for the infrastructure scripts. Sourced, not executed.
# Everything listens on 127.0.0.1; state lives under $WAKEN_RUN (default .run/ in the repo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${WAKEN_RUN:-$ROOT/.run}"
mkdir -p "$RUN"
log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] FAILED: %s\n' "$*" >&2; exit 1; }
# pid_alive FILE: true when FILE names a running process
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# stop_pid FILE NAME: TERM, wait up to 30 s, then KILL; only the pid in FILE
stop_pid() {
  local file="$1" name="$2" pid
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid="$(cat "$file")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$file"
}
# tcp_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
