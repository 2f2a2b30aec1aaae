#!/bin/bash
# What the read side's WAL is made of: once the PostgreSQL of the stack bin/benchmark starts holds
# N transfers (default 45,000: past the first warm-up round at the default 10,000 accounts), takes a
# 20 s window and prints into OUT the WAL bytes per transfer, the WAL records by type
# (pg_get_wal_stats) and the blocks by relation and type (pg_get_wal_block_info), per transfer
# projected in the window (rows added to `transfers`). Uses the pg_walinspect extension, which it
# creates in the read side's database. Start it just before bin/benchmark. Needs psql (see
# stack-postgres.sh).
#   docs/experiments/postgres-wal-composition.sh OUT [N]
set -u
OUT=$1; N=${2:-45000}
source "$(dirname "$0")/stack-postgres.sh"
q -c "CREATE EXTENSION IF NOT EXISTS pg_walinspect" >> "$OUT" 2>&1
until [[ "$(q -Atc "select count(*) >= $N from transfers" 2>/dev/null)" == "t" ]]; do sleep 5; done
read -r T1 L1 <<< "$(q -AtF' ' -c "select (select count(*) from transfers), pg_current_wal_insert_lsn()")"
sleep 20
read -r T2 L2 <<< "$(q -AtF' ' -c "select (select count(*) from transfers), pg_current_wal_insert_lsn()")"
T=$((T2 - T1))
echo "# $(date -u +%T) window $L1..$L2 transfers $T1..$T2 ($T)" >> "$OUT"
q -c "select pg_wal_lsn_diff('$L2','$L1') as wal_bytes, round(pg_wal_lsn_diff('$L2','$L1') / $T.0) as bytes_per_transfer" >> "$OUT"
q -c "select \"resource_manager/record_type\" as type, count, round(count::numeric / $T, 2) as per_transfer,
  record_size, fpi_size, round(combined_size::numeric / $T, 0) as bytes_per_transfer
  from pg_get_wal_stats('$L1','$L2', true) where count > 0 order by combined_size desc" >> "$OUT"
q -c "select coalesce(c.relname, b.relfilenode::text) as relation, b.resource_manager, b.record_type,
  count(*) as blocks, round(count(*)::numeric / $T, 2) as per_transfer,
  round(sum(b.record_length)::numeric / $T, 0) as record_bytes_per_transfer
  from pg_get_wal_block_info('$L1','$L2') b left join pg_class c on c.relfilenode = b.relfilenode
  group by 1, 2, 3 order by 4 desc limit 30" >> "$OUT"
