package dev.wallet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.ops.support.EmbeddedWallet;
import dev.wallet.ops.support.LedgerWriter;
import dev.wallet.ops.support.OpsRun;
import dev.wallet.schemas.avro.AccountType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures replay speed: writes a consistent ledger of N completed transfers (2 ledger events and 3
 * transfer events each, over 1,000 users) to an embedded broker, then runs {@code audit} (ledger
 * fold and checks) and {@code rebuild-read-side} (projection into a fresh schema of the read side's
 * embedded PostgreSQL, fsync and synchronous_commit on) and prints their events/s. It measures; its only
 * assertions are that both commands pass. Not part of {@code verify}; run it with
 * {@code ./mvnw -B -o -pl ops test -Dtest=ReplayThroughputBenchmark -Dwallet.benchmark=true
 * -Dwallet.benchmark.transfers=40000}.
 */
@EnabledIfSystemProperty(named = "wallet.benchmark", matches = "true")
class ReplayThroughputBenchmark {

    private static final int USERS = 1_000;
    private static final long FUNDING_MINOR = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldReplayTheLedgerAndRebuildTheReadSide() throws InterruptedException {
        final int transfers = Integer.getInteger("wallet.benchmark.transfers", 40_000);
        try (EmbeddedWallet wallet = EmbeddedWallet.start(dataDir.resolve("postgres"))) {
            final long events = writeLedger(wallet.bootstrapServers(), transfers);
            System.out.println("benchmark: wrote " + events + " events (" + transfers + " transfers)");

            final OpsRun audit = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--no-read-side",
                    "--pending-older-than", "PT24H");
            final OpsRun rebuild = OpsRun.of("rebuild-read-side", "--bootstrap-servers", wallet.bootstrapServers(),
                    "--jdbc-url", wallet.jdbcUrl());

            assertThat(audit.exitCode()).isZero();
            assertThat(rebuild.exitCode()).isZero();
        }
    }

    /** A consistent ledger: opens, funding of every user, then transfers between random users. */
    private static long writeLedger(final String bootstrapServers, final int transfers) {
        final long[] balance = new long[USERS];
        final long[] sequence = new long[USERS];
        long fundingBalance = 0;
        long fundingSequence = 1;
        long events = 0;
        final Instant at = Instant.now();
        final Random random = new Random(42);
        try (LedgerWriter ledger = new LedgerWriter(bootstrapServers)) {
            ledger.opened("funding", AccountType.SYSTEM, at);
            events++;
            for (int user = 0; user < USERS; user++) {
                ledger.opened(user(user), AccountType.USER, at);
                sequence[user] = 1;
                events++;
            }
            for (int i = 0; i < transfers; i++) {
                final String transactionId = "tx-" + i;
                final int to = random.nextInt(USERS);
                final boolean funding = i < USERS;
                final int from = funding ? -1 : random.nextInt(USERS);
                final int target = funding ? i : to;
                final long amount = funding ? FUNDING_MINOR : 1 + random.nextInt(100);
                if (!funding && (from == target || balance[from] < amount)) {
                    continue;
                }
                final long sourceSequence;
                if (funding) {
                    fundingBalance -= amount;
                    sourceSequence = ++fundingSequence;
                    ledger.debited("funding", sourceSequence, amount, fundingBalance, transactionId, at);
                } else {
                    balance[from] -= amount;
                    sourceSequence = ++sequence[from];
                    ledger.debited(user(from), sourceSequence, amount, balance[from], transactionId, at);
                }
                balance[target] += amount;
                final long destinationSequence = ++sequence[target];
                ledger.credited(user(target), destinationSequence, amount, balance[target], transactionId, at);
                ledger.completed(transactionId, funding ? "funding" : user(from), user(target), amount,
                        sourceSequence, destinationSequence, at);
                events += 5;
            }
            ledger.flush();
        }
        return events;
    }

    private static String user(final int index) {
        return "user-" + index;
    }
}
