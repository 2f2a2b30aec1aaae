package dev.wallet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wallet.ops.support.EmbeddedWallet;
import dev.wallet.ops.support.LedgerWriter;
import dev.wallet.ops.support.OpsRun;
import dev.wallet.schemas.avro.AccountType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit and balance-as-of on a ledger written by hand: first clean (the audit passes), then
 * with one deliberately corrupted event of each kind appended (the audit names every one, with its
 * account or transaction and its topic-partition@offset, and exits 1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorruptLedgerAuditTest {

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private static EmbeddedWallet wallet;

    @BeforeAll
    static void start() throws InterruptedException {
        wallet = EmbeddedWallet.kafkaOnly();
        try (LedgerWriter ledger = new LedgerWriter(wallet.bootstrapServers())) {
            writeCleanLedger(ledger);
        }
    }

    @AfterAll
    static void stop() {
        if (wallet != null) {
            wallet.close();
        }
    }

    /** funding (SYSTEM) gives alice 1000; alice gives bob 300. */
    private static void writeCleanLedger(final LedgerWriter ledger) {
        ledger.opened("funding", AccountType.SYSTEM, T0);
        ledger.opened("alice", AccountType.USER, T0);
        ledger.opened("bob", AccountType.USER, T0);
        ledger.opened("carol", AccountType.USER, T0);
        ledger.opened("dave", AccountType.USER, T0);
        ledger.debited("funding", 2, 1000, -1000, "tx-1", T0.plusSeconds(10));
        ledger.credited("alice", 2, 1000, 1000, "tx-1", T0.plusSeconds(11));
        ledger.completed("tx-1", "funding", "alice", 1000, 2, 2, T0.plusSeconds(12));
        ledger.debited("alice", 3, 300, 700, "tx-2", T0.plusSeconds(20));
        ledger.credited("bob", 2, 300, 300, "tx-2", T0.plusSeconds(21));
        ledger.completed("tx-2", "alice", "bob", 300, 3, 2, T0.plusSeconds(22));
        ledger.flush();
    }

    @Test
    @Order(1)
    void shouldPassACleanLedger() {
        final OpsRun run = audit();

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("passed").asBoolean()).isTrue();
        assertThat(run.json().get("figures").get("sum of balances per currency").get("USD").asLong()).isZero();
        assertThat(run.err()).contains("events/s");
    }

    @Test
    @Order(2)
    void shouldAnswerBalanceAsOfFromTheLedger() {
        final OpsRun atSequence = OpsRun.of("balance-as-of", "alice", "--sequence", "2",
                "--bootstrap-servers", wallet.bootstrapServers());
        final OpsRun atInstant = OpsRun.of("balance-as-of", "alice", "--at", T0.plusSeconds(15).toString(),
                "--bootstrap-servers", wallet.bootstrapServers());
        final OpsRun now = OpsRun.of("balance-as-of", "alice", "--at", Instant.now().toString(),
                "--bootstrap-servers", wallet.bootstrapServers());
        final OpsRun beforeOpening = OpsRun.of("balance-as-of", "alice", "--at", T0.minusSeconds(1).toString(),
                "--bootstrap-servers", wallet.bootstrapServers());
        final OpsRun unknown = OpsRun.of("balance-as-of", "nobody", "--sequence", "1",
                "--bootstrap-servers", wallet.bootstrapServers());

        assertThat(atSequence.exitCode()).isZero();
        assertThat(atSequence.out()).contains("balance 10.00 USD (1000 minor units) after sequence 2");
        assertThat(atInstant.out()).contains("(1000 minor units) after sequence 2");
        assertThat(now.out()).contains("balance 7.00 USD (700 minor units) after sequence 3");
        assertThat(beforeOpening.out()).contains("balance 0 USD (no entry by then; sequence 0)");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("not in the ledger");
    }

    @Test
    @Order(3)
    void shouldCatchEveryCorruptedEvent() {
        try (LedgerWriter ledger = new LedgerWriter(wallet.bootstrapServers())) {
            // A completed transfer whose credit never reached the ledger: money lost.
            ledger.debited("alice", 4, 200, 500, "tx-3", T0.plusSeconds(30));
            ledger.completed("tx-3", "alice", "bob", 200, 4, 3, T0.plusSeconds(31));
            // A sequence gap: bob's 3 is missing.
            ledger.debitRejected("bob", 4, 5000, 300, "tx-4", T0.plusSeconds(40));
            // A wrong balance_after: carol is credited 100 but says 150.
            ledger.debited("funding", 3, 100, -1100, "tx-5", T0.plusSeconds(50));
            ledger.credited("carol", 2, 100, 150, "tx-5", T0.plusSeconds(51));
            ledger.completed("tx-5", "funding", "carol", 100, 3, 2, T0.plusSeconds(52));
            // A USER balance below zero: dave gives 40 he does not have.
            ledger.debited("dave", 2, 40, -40, "tx-6", T0.plusSeconds(60));
            ledger.credited("alice", 5, 40, 540, "tx-6", T0.plusSeconds(61));
            ledger.completed("tx-6", "dave", "alice", 40, 2, 5, T0.plusSeconds(62));
            // A transfer accepted an hour ago and never finished.
            ledger.accepted("tx-7", "alice", "bob", 10, T0.plusSeconds(70));
            // A record nobody can read.
            ledger.garbage("alice");
            ledger.flush();
        }

        final OpsRun run = audit();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.rules()).containsExactlyInAnyOrder("COMPLETED_TRANSFER_ENTRIES", "CURRENCY_SUM",
                "SEQUENCE_GAP", "BALANCE_FOLD", "NEGATIVE_USER_BALANCE", "PENDING_TRANSFER", "UNDECODABLE_RECORD");
        assertThat(violation(run, "COMPLETED_TRANSFER_ENTRIES").get("subject").asText()).isEqualTo("transaction tx-3");
        assertThat(violation(run, "COMPLETED_TRANSFER_ENTRIES").get("detail").asText())
                .contains("0 credit(s), expected 1");
        assertThat(violation(run, "SEQUENCE_GAP").get("subject").asText()).isEqualTo("account bob");
        assertThat(violation(run, "SEQUENCE_GAP").get("where").asText()).matches("wallet\\.account-events-\\d@\\d+");
        assertThat(violation(run, "BALANCE_FOLD").get("subject").asText()).isEqualTo("account carol");
        assertThat(violation(run, "BALANCE_FOLD").get("detail").asText()).contains("balance_after 150", "= 100");
        assertThat(violation(run, "NEGATIVE_USER_BALANCE").get("subject").asText()).isEqualTo("account dave");
        assertThat(violation(run, "PENDING_TRANSFER").get("subject").asText()).isEqualTo("transaction tx-7");
        assertThat(violation(run, "CURRENCY_SUM").get("detail").asText()).contains("balances sum to -200");
    }

    @Test
    @Order(4)
    void shouldPrintEveryViolationReadably() {
        final OpsRun run = OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--no-read-side");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("SEQUENCE_GAP  account bob  at wallet.account-events-",
                "RESULT: FAILED, 7 violation(s).");
    }

    private static OpsRun audit() {
        return OpsRun.of("audit", "--bootstrap-servers", wallet.bootstrapServers(), "--no-read-side", "--json");
    }

    private static JsonNode violation(final OpsRun run, final String rule) {
        final List<JsonNode> found = new ArrayList<>();
        run.json().get("violations").forEach(violation -> {
            if (violation.get("rule").asText().equals(rule)) {
                found.add(violation);
            }
        });
        assertThat(found).as("violations of %s", rule).hasSize(1);
        return found.get(0);
    }
}
