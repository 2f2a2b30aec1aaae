# Sourced by the PostgreSQL probes here: finds the PostgreSQL of the stack bin/benchmark starts
# (the newest pid file under benchmark/target/run/), waits until it answers, and defines
#   PIDF  its pid file (the probes stop when it is gone),
#   PORT  its port,
#   q     psql on its database "postgres" as user postgres, with the arguments given.
# PSQL names psql (default: psql on the PATH; any version that speaks to PostgreSQL 17).
PSQL=${PSQL:-psql}
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
q() { "$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"; }
while true; do
  PIDF=$(ls -t "$REPO"/benchmark/target/run/*/postgres/postmaster.pid 2>/dev/null | head -1)
  [[ -n "$PIDF" ]] && break; sleep 2
done
# The pid file's fourth line is the port; it may be written after the file appears.
while true; do
  PORT=$(sed -n 4p "$PIDF")
  [[ -n "$PORT" ]] && q -Atc "select 1" >/dev/null 2>&1 && break
  sleep 1
done
