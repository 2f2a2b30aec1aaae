#!/usr/bin/env bash
# Runs the wallet's local Kafka: real KRaft broker processes started from the Maven Central jars of
# the same Kafka version the services use. Nothing to install beyond a JDK 17+.
#
#   kafka.sh start    [--brokers 1|3] [--port P] [--controller-port C] [--data-dir D]
#   kafka.sh stop     [--data-dir D]
#   kafka.sh status   [--data-dir D]
#   kafka.sh topics   [--data-dir D] [--partitions N]
#   kafka.sh kill     --node ID [--data-dir D]
#   kafka.sh classpath
#
# start   formats storage on first start, starts each node as its own process, waits until every
#         node says it started, writes <data-dir>/node-<id>.pid and node-<id>.log. Starting a
#         running cluster is a no-op. Data survives stop and start.
# stop    stops the processes named by the pid files (SIGTERM, then SIGKILL after a bound).
# status  says which nodes run and how many brokers the cluster reports; exit 0 when all run,
#         3 when some do not.
# topics  creates the wallet's topics from the topic registry (schemas/); idempotent.
# kill    SIGKILLs one node, for fault tests; a later start brings it back on its data.
#
# Environment (flags win): KAFKA_BROKERS (1), KAFKA_PORT (9092; node i listens on PORT+i-1),
# KAFKA_CONTROLLER_PORT (PORT+1000; node i on CONTROLLER_PORT+i-1), KAFKA_DATA_DIR
# (<repo>/.data/kafka), KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), KAFKA_GC_OPTS (-XX:+UseG1GC; the
# broker's collector, e.g. -XX:+UseSerialGC), KAFKA_START_TIMEOUT_S (90),
# KAFKA_STOP_TIMEOUT_S (30), WALLET_PARTITIONS (6).
# For experiments: KAFKA_BROKER_SETTINGS ("key=value key=value", appended to every node's
# properties on each start) and KAFKA_FEATURES ("name=level ...", e.g. transaction.version=1,
# passed to the storage format, so only a node formatted afresh takes them).
set -euo pipefail

KAFKA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$KAFKA_DIR/../.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

BROKERS="${KAFKA_BROKERS:-1}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-}"
DATA_DIR="${KAFKA_DATA_DIR:-$REPO_DIR/.data/kafka}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
GC_OPTS="${KAFKA_GC_OPTS:--XX:+UseG1GC}"
START_TIMEOUT_S="${KAFKA_START_TIMEOUT_S:-90}"
STOP_TIMEOUT_S="${KAFKA_STOP_TIMEOUT_S:-30}"
PARTITIONS="${WALLET_PARTITIONS:-6}"
# Split on whitespace without glob expansion; checked by pairs_or_die before anything starts.
read -r -a BROKER_SETTINGS <<< "${KAFKA_BROKER_SETTINGS:-}"
read -r -a FEATURES <<< "${KAFKA_FEATURES:-}"
NODE=""

die() { echo "kafka.sh: $*" >&2; exit 1; }

# pairs_or_die VARIABLE WHAT ENTRY...: every entry must be name=value.
pairs_or_die() {
  local variable="$1" what="$2" entry
  shift 2
  for entry in "$@"; do
    [[ "$entry" == *=* ]] || die "$variable takes $what pairs, not $entry"
  done
}

parse_flags() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --brokers) BROKERS="$2"; shift 2 ;;
      --port) PORT="$2"; shift 2 ;;
      --controller-port) CONTROLLER_PORT="$2"; shift 2 ;;
      --data-dir) DATA_DIR="$2"; shift 2 ;;
      --partitions) PARTITIONS="$2"; shift 2 ;;
      --node) NODE="$2"; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$BROKERS" == 1 || "$BROKERS" == 3 ]] || die "--brokers must be 1 or 3, not $BROKERS"
  CONTROLLER_PORT="${CONTROLLER_PORT:-$((PORT + 1000))}"
  mkdir -p "$DATA_DIR"
  DATA_DIR="$(cd "$DATA_DIR" && pwd)"
}

# The broker classpath, resolved once from infra/kafka/broker/pom.xml and cached beside it.
broker_classpath() {
  local pom="$KAFKA_DIR/broker/pom.xml" cache="$KAFKA_DIR/broker/target/classpath.txt"
  if [[ ! -s "$cache" || "$pom" -nt "$cache" ]]; then
    mkdir -p "$(dirname "$cache")"
    "$REPO_DIR/mvnw" -q -B -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cache" >&2 \
      || die "cannot resolve the Kafka broker jars (see Maven output above)"
  fi
  cat "$cache"
}

# Reads what a previous start recorded, so stop/status/topics need no flags.
load_cluster_file() {
  local file="$DATA_DIR/cluster.env"
  [[ -f "$file" ]] || return 1
  # shellcheck disable=SC1090
  source "$file"
}

bootstrap_servers() {
  local servers="" i
  for ((i = 1; i <= BROKERS; i++)); do servers+="${servers:+,}127.0.0.1:$((PORT + i - 1))"; done
  echo "$servers"
}

node_pid_alive() {
  local id="$1" pid_file="$DATA_DIR/node-$1.pid" pid
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  # Guard against a recycled pid: the process must be our broker with this node's properties.
  ps -o args= -p "$pid" 2>/dev/null | grep -q -- "$DATA_DIR/node-$id.properties"
}

write_node_properties() {
  local id="$1" voters="$2" rf min_isr
  if ((BROKERS == 1)); then rf=1; min_isr=1; else rf=3; min_isr=2; fi
  sed -e "s|@NODE_ID@|$id|" \
      -e "s|@VOTERS@|$voters|" \
      -e "s|@PORT@|$((PORT + id - 1))|g" \
      -e "s|@CONTROLLER_PORT@|$((CONTROLLER_PORT + id - 1))|" \
      -e "s|@LOG_DIR@|$DATA_DIR/node-$id/data|" \
      -e "s|@REPLICATION_FACTOR@|$rf|g" \
      -e "s|@MIN_ISR@|$min_isr|g" \
      "$KAFKA_DIR/config/server.properties" > "$DATA_DIR/node-$id.properties"
  if ((${#BROKER_SETTINGS[@]})); then
    printf '%s\n' "${BROKER_SETTINGS[@]}" >> "$DATA_DIR/node-$id.properties"
  fi
}

cmd_start() {
  if load_cluster_file; then
    echo "kafka.sh: reusing the cluster recorded in $DATA_DIR/cluster.env ($BROKERS node(s), port $PORT)"
  fi
  pairs_or_die KAFKA_BROKER_SETTINGS key=value "${BROKER_SETTINGS[@]}"
  pairs_or_die KAFKA_FEATURES name=level "${FEATURES[@]}"
  local cp voters="" cluster_id i feature features=()
  for feature in "${FEATURES[@]}"; do features+=(--feature "$feature"); done
  cp="$(broker_classpath)"
  for ((i = 1; i <= BROKERS; i++)); do voters+="${voters:+,}$i@127.0.0.1:$((CONTROLLER_PORT + i - 1))"; done
  if [[ -f "$DATA_DIR/cluster.id" ]]; then
    cluster_id="$(cat "$DATA_DIR/cluster.id")"
  else
    cluster_id="$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid)"
    echo "$cluster_id" > "$DATA_DIR/cluster.id"
  fi
  printf 'BROKERS=%s\nPORT=%s\nCONTROLLER_PORT=%s\n' "$BROKERS" "$PORT" "$CONTROLLER_PORT" > "$DATA_DIR/cluster.env"

  for ((i = 1; i <= BROKERS; i++)); do
    if node_pid_alive "$i"; then
      echo "kafka.sh: node $i already runs (pid $(cat "$DATA_DIR/node-$i.pid"))"
      continue
    fi
    write_node_properties "$i" "$voters"
    if [[ ! -f "$DATA_DIR/node-$i/data/meta.properties" ]]; then
      "$JAVA" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
        -c "$DATA_DIR/node-$i.properties" "${features[@]}" > "$DATA_DIR/node-$i.format.log" 2>&1 \
        || die "formatting node $i failed: $(cat "$DATA_DIR/node-$i.format.log")"
    fi
    : > "$DATA_DIR/node-$i.log"
    # shellcheck disable=SC2086
    nohup "$JAVA" $HEAP_OPTS $GC_OPTS -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/config/log4j2.yaml" \
      -cp "$cp" kafka.Kafka "$DATA_DIR/node-$i.properties" \
      >> "$DATA_DIR/node-$i.log" 2>&1 < /dev/null &
    echo $! > "$DATA_DIR/node-$i.pid"
  done
  wait_until_started
  echo "kafka.sh: $BROKERS node(s) running, bootstrap servers $(bootstrap_servers), data in $DATA_DIR"
}

wait_until_started() {
  local deadline=$((SECONDS + START_TIMEOUT_S)) i pending
  while :; do
    pending=0
    for ((i = 1; i <= BROKERS; i++)); do
      # kill -0, not node_pid_alive: right after the fork the child may not have exec'd java yet,
      # so its command line does not name the properties file for a moment.
      kill -0 "$(cat "$DATA_DIR/node-$i.pid")" 2>/dev/null \
        || { tail -n 40 "$DATA_DIR/node-$i.log" >&2
             # The tail is mostly the orderly shutdown; the reason is logged before it.
             echo "kafka.sh: the first errors node $i logged:" >&2
             grep -m 10 -E "ERROR|FATAL" "$DATA_DIR/node-$i.log" >&2 || true
             die "node $i exited while starting"; }
      grep -q "Kafka Server started" "$DATA_DIR/node-$i.log" || pending=$((pending + 1))
    done
    ((pending == 0)) && return 0
    ((SECONDS < deadline)) || die "$pending node(s) not started within ${START_TIMEOUT_S}s; see $DATA_DIR/node-*.log"
    sleep 0.2
  done
}

cmd_stop() {
  load_cluster_file || { echo "kafka.sh: nothing recorded in $DATA_DIR; nothing to stop"; return 0; }
  local i pid deadline pids=()
  # Signal every node first, then wait: stopping them one by one would leave the last ones
  # without a controller quorum, and their controlled shutdown would wait for it in vain.
  for ((i = 1; i <= BROKERS; i++)); do
    if node_pid_alive "$i"; then
      pid="$(cat "$DATA_DIR/node-$i.pid")"
      kill -TERM "$pid"
      pids[i]="$pid"
    fi
  done
  deadline=$((SECONDS + STOP_TIMEOUT_S))
  for ((i = 1; i <= BROKERS; i++)); do
    pid="${pids[i]:-}"
    if [[ -n "$pid" ]]; then
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then
        echo "kafka.sh: node $i did not stop within ${STOP_TIMEOUT_S}s; killing pid $pid" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
      echo "kafka.sh: node $i stopped"
    fi
    rm -f "$DATA_DIR/node-$i.pid"
  done
}

cmd_status() {
  load_cluster_file || die "no cluster recorded in $DATA_DIR"
  local i running=0
  for ((i = 1; i <= BROKERS; i++)); do
    if node_pid_alive "$i"; then
      running=$((running + 1))
      echo "node $i: running (pid $(cat "$DATA_DIR/node-$i.pid"), port $((PORT + i - 1)))"
    else
      echo "node $i: stopped"
    fi
  done
  if ((running > 0)); then
    local reported
    reported="$("$JAVA" -cp "$(broker_classpath)" -Dlog4j2.configurationFile="$KAFKA_DIR/config/log4j2.yaml" \
      org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$(bootstrap_servers)" 2>/dev/null \
      | grep -c '(id: ' || true)"
    echo "brokers in cluster: $reported"
  fi
  ((running == BROKERS)) || exit 3
}

cmd_topics() {
  load_cluster_file || die "no cluster recorded in $DATA_DIR; start it first"
  local jar rf
  jar="$(ls "$REPO_DIR"/schemas/target/wallet-schemas-*[0-9T].jar 2>/dev/null | head -n 1 || true)"
  if [[ -z "$jar" ]]; then
    "$REPO_DIR/mvnw" -q -B -f "$REPO_DIR/pom.xml" -pl schemas -am install -DskipTests >&2 \
      || die "cannot build schemas/"
    jar="$(ls "$REPO_DIR"/schemas/target/wallet-schemas-*[0-9T].jar | head -n 1)"
  fi
  local deps="$REPO_DIR/schemas/target/classpath.txt"
  if [[ ! -s "$deps" || "$REPO_DIR/schemas/pom.xml" -nt "$deps" ]]; then
    "$REPO_DIR/mvnw" -q -B -f "$REPO_DIR/schemas/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$deps" >&2
  fi
  if ((BROKERS == 1)); then rf=1; else rf=3; fi
  "$JAVA" -Dlogback.configurationFile="$KAFKA_DIR/config/logback-tools.xml" \
    -cp "$jar:$(cat "$deps")" dev.wallet.schemas.topics.TopicProvisioner \
    "$(bootstrap_servers)" "$PARTITIONS" "$rf"
}

cmd_kill() {
  load_cluster_file || die "no cluster recorded in $DATA_DIR"
  [[ -n "$NODE" ]] || die "kill needs --node ID"
  node_pid_alive "$NODE" || die "node $NODE is not running"
  kill -KILL "$(cat "$DATA_DIR/node-$NODE.pid")"
  rm -f "$DATA_DIR/node-$NODE.pid"
  echo "kafka.sh: node $NODE killed"
}

main() {
  [[ $# -ge 1 ]] || die "usage: kafka.sh start|stop|status|topics|classpath [options]"
  local command="$1"; shift
  case "$command" in
    classpath) broker_classpath ;;
    start) parse_flags "$@"; cmd_start ;;
    stop) parse_flags "$@"; cmd_stop ;;
    status) parse_flags "$@"; cmd_status ;;
    topics) parse_flags "$@"; cmd_topics ;;
    kill) parse_flags "$@"; cmd_kill ;;
    *) die "unknown command $command" ;;
  esac
}

main "$@"
