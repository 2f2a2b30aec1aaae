#!/bin/bash
# The read side's figures in a run's quiet steps (warm-up rounds 3-5 and the 2,500/s step, where
# they had no checkpoint): per step and as medians, the WAL bytes and WAL records per transfer
# (read_side_wal) and PostgreSQL's CPU µs per transfer, from each results.json given. Needs jq.
#   docs/experiments/quiet-steps.sh benchmark/results/<run>/results.json ...
set -euo pipefail
for f in "$@"; do
  jq -r --arg run "$(basename "$(dirname "$f")")" '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    [.steps[] | select(.name | IN("pipeline-warmup-3", "pipeline-warmup-4", "pipeline-warmup-5", "pipeline-2500"))
              | select(.read_side_wal.checkpoints == 0)
              | {name, b: .read_side_wal.bytes_per_transfer, r: .read_side_wal.records_per_transfer,
                 pg: (.processes.postgres.cpu_seconds_per_1000_transfers * 1000)}] as $q
    | "\($run) \(.git_commit[0:7]) baseline \(.baseline.transfers_per_second)/s; "
      + ([$q[] | "\(.name): \(.b) B, \(.r) records, \(.pg | round) µs"] | join("; "))
      + "; medians: \([$q[].b] | median | round) B, \([$q[].r] | median * 10 | round / 10) records, \([$q[].pg] | median | round) µs per transfer"
  ' "$f"
done
