#!/usr/bin/env bash
# Single-node KRaft Kafka broker from Maven Central jars (recipe: shared/recipes/kafka-broker.md).
# usage: kafka.sh start|stop|status      env: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093)
source "$(dirname "$0")/lib.sh"
PORT="${KAFKA_PORT:-19092}"
CPORT="${KAFKA_CONTROLLER_PORT:-19093}"
KDIR="$ROOT/docker/kafka"
DATA="$RUN/kafka-$PORT"
PIDF="$DATA/broker.pid"

fetch_jars() {
  if ls "$KDIR"/lib/kafka_2.13-*.jar >/dev/null 2>&1; then return; fi
  log "fetching Kafka broker jars from Maven Central (docker/kafka/pom.xml)"
  mvn -q -B -f "$KDIR/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=lib \
    || die "mvn could not resolve the Kafka broker jars"
}

start() {
  if pid_alive "$PIDF"; then log "kafka already running (pid $(cat "$PIDF")) on 127.0.0.1:$PORT"; return; fi
  if tcp_open "$PORT"; then
    KAFKA_BROKERS="127.0.0.1:$PORT" KAFKA_WAIT_MS=10000 node "$ROOT/scripts/infra/wait-kafka.cjs" \
      || die "127.0.0.1:$PORT is taken by something that is not a Kafka broker"
    log "a broker already listens on 127.0.0.1:$PORT (not ours); using it, leaving it running"; return
  fi
  fetch_jars
  rm -rf "$DATA"; mkdir -p "$DATA"
  sed -e "s#@DATA@#$DATA#" -e "s#@PORT@#$PORT#" -e "s#@CONTROLLER_PORT@#$CPORT#" \
    "$KDIR/server.properties.tmpl" > "$DATA/server.properties"
  local cp="$KDIR/lib/*"
  local jopts=(-Xms512m -Xmx768m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent
    -Djava.awt.headless=true "-Dlog4j2.configurationFile=$KDIR/log4j2.properties" "-Dkafka.logs.dir=$DATA"
    "-Dorg.xerial.snappy.tempdir=$DATA" "-DZstdTempFolder=$DATA")
  java "${jopts[@]}" -cp "$cp" kafka.tools.StorageTool format -t MkU3OEVBNTcwNTJENDM2Qk \
    -c "$DATA/server.properties" > "$DATA/format.out" 2>&1 || { cat "$DATA/format.out" >&2; die "kafka storage format"; }
  # own session: a signal to the caller's process group (a killed shell, a CI step) must not reach the broker
  setsid nohup java "${jopts[@]}" -cp "$cp" kafka.Kafka "$DATA/server.properties" > "$DATA/broker.out" 2>&1 &
  echo $! > "$PIDF"
  log "kafka starting (pid $(cat "$PIDF")) on 127.0.0.1:$PORT"
  if ! KAFKA_BROKERS="127.0.0.1:$PORT" BROKER_PID="$(cat "$PIDF")" node "$ROOT/scripts/infra/wait-kafka.cjs"; then
    log "---- broker log ($DATA/broker.out) ----"; tail -n 80 "$DATA/broker.out" >&2 || true
    stop_pid "$PIDF" kafka; die "kafka did not become ready"
  fi
  log "kafka ready on 127.0.0.1:$PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid "$PIDF" kafka ;;
  status) pid_alive "$PIDF" && echo "running $(cat "$PIDF")" || { echo stopped; exit 1; } ;;
  *) die "usage: $0 start|stop|status" ;;
esac
