#!/usr/bin/env bash
# Whether state written by one build opens under another: starts the stack from OLD's jars on a
# fresh data directory, opens three accounts and makes two transfers, stops it, starts it from NEW's
# jars on the same directory, and asks for a repeat of a transfer, a debit over the balance and one
# that empties it; prints the answers, the balances and each store's restore line.
#
#   docs/experiments/state-upgrade-check.sh <old worktree> <new worktree>
#
# Each worktree needs its jars built (./mvnw -B -DskipTests package). Expected: the repeat answered
# success, the 80.00 debit failed INSUFFICIENT_FUNDS, the 70.00 one success; u1 0.00, u2 100.00; every
# store restored "with a total number of 0 records" (it reopened its own files). Uses its own ports and
# /tmp/state-upgrade-check, which it deletes. (docs/benchmarks.md, "RocksDB's missed reads")
set -u
OLD=${1:?old worktree}; NEW=${2:?new worktree}
export WALLET_DATA_DIR=/tmp/state-upgrade-check WALLET_API_PORT=18180 WALLET_QUERY_PORT=18181 \
  WALLET_ACCOUNT_PROCESSOR_PORT=18182 WALLET_SAGA_PORT=18183 WALLET_POSTGRES_PORT=54420 KAFKA_PORT=19192 \
  WALLET_PARTITIONS=2
rm -rf "$WALLET_DATA_DIR"
api=http://127.0.0.1:$WALLET_API_PORT; query=http://127.0.0.1:$WALLET_QUERY_PORT
post() { curl -s -w " [%{http_code}]\n" -H 'Content-Type: application/json' -X POST "$api$1" -d "$2"; }
transfer() { post /v1/wallet/balance_transfer "{\"from_account\":\"$1\",\"to_account\":\"$2\",\"amount\":\"$3\",\"currency\":\"USD\",\"transaction_id\":\"$4\"}"; }
REPEATED=11111111-1111-4111-8111-111111111111

echo "== $OLD"
"$OLD/bin/wallet" start > /dev/null || exit 1
post /v1/wallet/accounts '{"account_id":"check-fund","currency":"USD","type":"system"}'
post /v1/wallet/accounts '{"account_id":"check-u1","currency":"USD","type":"user"}'
post /v1/wallet/accounts '{"account_id":"check-u2","currency":"USD","type":"user"}'
transfer check-fund check-u1 100.00 22222222-2222-4222-8222-222222222222
transfer check-u1 check-u2 30.00 $REPEATED
"$OLD/bin/wallet" stop > /dev/null

echo "== $NEW"
"$NEW/bin/wallet" start > /dev/null || exit 1
echo "the 30.00 again, same transaction id:"; transfer check-u1 check-u2 30.00 $REPEATED
echo "80.00 from u1, which holds 70.00:"; transfer check-u1 check-u2 80.00 33333333-3333-4333-8333-333333333333
echo "70.00 from u1:"; transfer check-u1 check-u2 70.00 44444444-4444-4444-8444-444444444444
sleep 3
for account in check-u1 check-u2 check-fund; do curl -s "$query/v1/wallet/accounts/$account"; echo; done
grep -h 'Finished restoring' "$WALLET_DATA_DIR"/logs/account-processor.log "$WALLET_DATA_DIR"/logs/saga-orchestrator.log \
  | sed 's/.*Finished restoring changelog //'
"$NEW/bin/wallet" stop > /dev/null
rm -rf "$WALLET_DATA_DIR"
