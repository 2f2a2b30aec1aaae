#!/bin/bash
# Samples the WAL and checkpoint counters of the PostgreSQL of the stack bin/benchmark starts, every
# 10 s, into OUT; with SQL, first runs those statements (separated by ';', each on its own, so
# ALTER SYSTEM works) once the server answers. Start it just before bin/benchmark; it ends with the
# server. Needs psql (see stack-postgres.sh).
#   docs/experiments/postgres-wal-probe.sh OUT ["ALTER SYSTEM SET max_wal_size='16GB';SELECT pg_reload_conf()"]
# Columns: epoch s, wal_records, wal_fpi, wal_bytes, wal_buffers_full, wal_write, wal_sync,
# checkpoints timed/requested/buffers written, transactions committed (all databases).
set -u
OUT=$1; SETUP=${2:-}
source "$(dirname "$0")/stack-postgres.sh"
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
