#!/bin/bash
# Samples the WAL and checkpoint counters of the PostgreSQL of the stack bin/benchmark starts, every
# 10 s, into OUT; with SQL, first runs those statements (separated by ';', each on its own, so
# ALTER SYSTEM works) once the server answers. Start it just before bin/benchmark; it ends with the
# server. Needs psql (PSQL, default: psql on the PATH; any version that speaks to PostgreSQL 17).
#   docs/experiments/postgres-wal-probe.sh OUT ["ALTER SYSTEM SET max_wal_size='16GB';SELECT pg_reload_conf()"]
# Columns: epoch s, wal_records, wal_fpi, wal_bytes, wal_buffers_full, wal_write, wal_sync,
# checkpoints timed/requested/buffers written, transactions committed (all databases).
set -u
OUT=$1; SETUP=${2:-}
PSQL=${PSQL:-psql}
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
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
echo "# $PIDF port $PORT $(date -u +%T)" >> "$OUT"
if [[ -n "$SETUP" ]]; then
  IFS=';' read -ra STMTS <<< "$SETUP"
  for st in "${STMTS[@]}"; do [[ -n "${st// }" ]] && q -c "$st" >> "$OUT" 2>&1; done
fi
q -Atc "show checkpoint_timeout; show max_wal_size; show wal_compression; show shared_buffers" >> "$OUT" 2>&1
while [[ -f "$PIDF" ]]; do
  q -AtF, -c "select extract(epoch from now())::bigint, wal_records, wal_fpi, wal_bytes, wal_buffers_full,
    wal_write, wal_sync, (select num_timed||'/'||num_requested||'/'||buffers_written from pg_stat_checkpointer),
    (select sum(xact_commit) from pg_stat_database) from pg_stat_wal" >> "$OUT" 2>&1 || break
  sleep 10
done
