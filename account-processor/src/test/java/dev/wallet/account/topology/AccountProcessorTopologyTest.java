package dev.wallet.account.topology;

import static dev.wallet.account.topology.Commands.credit;
import static dev.wallet.account.topology.Commands.debit;
import static dev.wallet.account.topology.Commands.open;
import static dev.wallet.account.topology.Commands.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.account.store.avro.StoredAccount;
import dev.wallet.account.store.avro.StoredAccountType;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpenRejected;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.NothingToRefund;
import dev.wallet.schemas.avro.OpenRejectionReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ledger rule and reason, through the real topology in a {@code TopologyTestDriver}. */
class AccountProcessorTopologyTest {

    private static final Duration RETENTION = Duration.ofHours(1);

    @TempDir
    Path stateDir;

    private SimpleMeterRegistry registry;
    private LedgerDriver ledger;

    @BeforeEach
    void startDriver() {
        registry = new SimpleMeterRegistry();
        ledger = new LedgerDriver(stateDir, AccountProcessorSettings.defaults()
                .withAppliedStepsRetention(RETENTION)
                .withMeterRegistry(registry));
    }

    @AfterEach
    void closeDriver() {
        ledger.close();
    }

    // --- open ---

    @Test
    void shouldOpenAccountAtSequenceOneWithBalanceZero() {
        final AccountEvent event = ledger.send(open("alice", "open-1", AccountType.USER, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountOpened(AccountType.USER));
        assertThat(event.getSequence()).isEqualTo(1);
        assertThat(event.getBalanceAfterMinor()).isZero();
        assertThat(event.getCurrency()).isEqualTo("USD");
        assertThat(event.getTransactionId()).isEqualTo("open-1");
        assertThat(event.getStep()).isEqualTo(CommandStep.OPEN);
        assertThat(event.getOccurredAt()).isEqualTo(LedgerDriver.START);
        assertThat(event.getRepeated()).isFalse();
    }

    @Test
    void shouldAnswerOpenWithSameAttributesAsAlreadyDone() {
        final AccountEvent original = ledger.send(open("alice", "open-1", AccountType.USER, "USD"));
        fund("alice", 500);
        ledger.advanceWallClock(Duration.ofMinutes(5));

        final AccountEvent again = ledger.send(open("alice", "open-2", AccountType.USER, "USD"));

        assertThat(again.getRepeated()).isTrue();
        assertThat(again.getBody()).isEqualTo(new AccountOpened(AccountType.USER));
        assertThat(again.getSequence()).isEqualTo(1);
        assertThat(again.getBalanceAfterMinor()).isZero();
        assertThat(again.getOccurredAt()).isEqualTo(original.getOccurredAt());
        assertThat(again.getTransactionId()).isEqualTo("open-2");
        assertThat(ledger.send(debit("alice", "tx-next", 1, "USD")).getSequence()).isEqualTo(3);
    }

    @Test
    void shouldDeclineOpenWithOtherAttributes() {
        ledger.send(open("alice", "open-1", AccountType.USER, "USD"));

        final AccountEvent event = ledger.send(open("alice", "open-2", AccountType.SYSTEM, "EUR"));

        assertThat(event.getBody()).isEqualTo(new AccountOpenRejected(
                OpenRejectionReason.ACCOUNT_EXISTS_WITH_OTHER_ATTRIBUTES, AccountType.SYSTEM, "EUR"));
        assertThat(event.getSequence()).isEqualTo(2);
        assertThat(event.getCurrency()).isEqualTo("USD");
        assertThat(event.getRepeated()).isFalse();
    }

    @Test
    void shouldDeclineOpenInUnsupportedCurrency() {
        final AccountEvent event = ledger.send(open("alice", "open-1", AccountType.USER, "XAU"));

        assertThat(event.getBody()).isEqualTo(new AccountOpenRejected(
                OpenRejectionReason.UNSUPPORTED_CURRENCY, AccountType.USER, "XAU"));
        assertThat(event.getSequence()).isZero();
        assertThat(event.getBalanceAfterMinor()).isZero();
        assertThat(ledger.send(credit("alice", "tx-1", 5, "XAU")).getBody())
                .isEqualTo(new CreditRejected(CreditRejectionReason.ACCOUNT_NOT_FOUND, 5L));
    }

    // --- debit ---

    @Test
    void shouldDebitAndCarryBalanceAfter() {
        openUser("alice", "USD");
        fund("alice", 1_000);

        final AccountEvent event = ledger.send(debit("alice", "tx-1", 250, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountDebited(250L));
        assertThat(event.getSequence()).isEqualTo(3);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(750);
        assertThat(event.getRepeated()).isFalse();
    }

    @Test
    void shouldDeclineDebitOfUnknownAccountAtSequenceZero() {
        final AccountEvent event = ledger.send(debit("nobody", "tx-1", 250, "EUR"));

        assertThat(event.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.ACCOUNT_NOT_FOUND, 250L));
        assertThat(event.getSequence()).isZero();
        assertThat(event.getBalanceAfterMinor()).isZero();
        assertThat(event.getCurrency()).isEqualTo("EUR");
    }

    @Test
    void shouldDeclineDebitBeyondUserBalance() {
        openUser("alice", "USD");
        fund("alice", 100);

        final AccountEvent event = ledger.send(debit("alice", "tx-1", 101, "USD"));

        assertThat(event.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.INSUFFICIENT_FUNDS, 101L));
        assertThat(event.getSequence()).isEqualTo(3);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(100);
    }

    @Test
    void shouldDebitWholeUserBalanceDownToZero() {
        openUser("alice", "USD");
        fund("alice", 100);

        final AccountEvent event = ledger.send(debit("alice", "tx-1", 100, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountDebited(100L));
        assertThat(event.getBalanceAfterMinor()).isZero();
    }

    @Test
    void shouldDeclineDebitInOtherCurrency() {
        openUser("alice", "USD");
        fund("alice", 1_000);

        final AccountEvent event = ledger.send(debit("alice", "tx-1", 10, "EUR"));

        assertThat(event.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.CURRENCY_MISMATCH, 10L));
        assertThat(event.getSequence()).isEqualTo(3);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(1_000);
        assertThat(event.getCurrency()).isEqualTo("USD");
    }

    @Test
    void shouldLetSystemAccountGoNegative() {
        ledger.send(open("funding-usd", "open-f", AccountType.SYSTEM, "USD"));

        final AccountEvent event = ledger.send(debit("funding-usd", "tx-1", 5_000, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountDebited(5_000L));
        assertThat(event.getBalanceAfterMinor()).isEqualTo(-5_000);
    }

    // --- credit ---

    @Test
    void shouldCreditAndCarryBalanceAfter() {
        openUser("bob", "USD");

        final AccountEvent event = ledger.send(credit("bob", "tx-1", 300, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountCredited(300L));
        assertThat(event.getSequence()).isEqualTo(2);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(300);
    }

    @Test
    void shouldDeclineCreditOfUnknownAccount() {
        final AccountEvent event = ledger.send(credit("nobody", "tx-1", 300, "USD"));

        assertThat(event.getBody()).isEqualTo(new CreditRejected(CreditRejectionReason.ACCOUNT_NOT_FOUND, 300L));
        assertThat(event.getSequence()).isZero();
        assertThat(event.getBalanceAfterMinor()).isZero();
    }

    @Test
    void shouldDeclineCreditInOtherCurrency() {
        openUser("bob", "USD");

        final AccountEvent event = ledger.send(credit("bob", "tx-1", 300, "JPY"));

        assertThat(event.getBody()).isEqualTo(new CreditRejected(CreditRejectionReason.CURRENCY_MISMATCH, 300L));
        assertThat(event.getSequence()).isEqualTo(2);
        assertThat(event.getBalanceAfterMinor()).isZero();
    }

    @Test
    void shouldDeclineCreditThatWouldOverflowBalance() {
        openUser("bob", "USD");
        ledger.send(credit("bob", "tx-1", Long.MAX_VALUE - 10, "USD"));

        final AccountEvent event = ledger.send(credit("bob", "tx-2", 11, "USD"));

        assertThat(event.getBody()).isEqualTo(new CreditRejected(CreditRejectionReason.BALANCE_OVERFLOW, 11L));
        assertThat(event.getSequence()).isEqualTo(3);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(Long.MAX_VALUE - 10);
    }

    // --- refund ---

    @Test
    void shouldRefundTheAmountTheDebitTook() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));

        final AccountEvent event = ledger.send(refund("alice", "tx-1", 999, "USD"));

        assertThat(event.getBody()).isEqualTo(new AccountRefunded(400L));
        assertThat(event.getSequence()).isEqualTo(4);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    @Test
    void shouldRecordNothingToRefundWhenNoDebitWasApplied() {
        openUser("alice", "USD");
        fund("alice", 1_000);

        final AccountEvent event = ledger.send(refund("alice", "tx-1", 400, "USD"));

        assertThat(event.getBody()).isEqualTo(new NothingToRefund(400L));
        assertThat(event.getSequence()).isEqualTo(3);
        assertThat(event.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    @Test
    void shouldRecordNothingToRefundWhenTheDebitWasDeclined() {
        openUser("alice", "USD");
        ledger.send(debit("alice", "tx-1", 400, "USD"));

        final AccountEvent event = ledger.send(refund("alice", "tx-1", 400, "USD"));

        assertThat(event.getBody()).isEqualTo(new NothingToRefund(400L));
        assertThat(event.getBalanceAfterMinor()).isZero();
    }

    @Test
    void shouldRecordNothingToRefundForUnknownAccountAtSequenceZero() {
        final AccountEvent event = ledger.send(refund("nobody", "tx-1", 400, "USD"));

        assertThat(event.getBody()).isEqualTo(new NothingToRefund(400L));
        assertThat(event.getSequence()).isZero();
    }

    @Test
    void shouldDeclineDebitArrivingAfterItsRefundAsCancelled() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(refund("alice", "tx-1", 400, "USD"));

        final AccountEvent late = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(late.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.TRANSFER_CANCELLED, 400L));
        assertThat(late.getSequence()).isEqualTo(4);
        assertThat(late.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    @Test
    void shouldLetOtherTransactionsDebitAfterACancellation() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(refund("alice", "tx-1", 400, "USD"));

        final AccountEvent other = ledger.send(debit("alice", "tx-2", 400, "USD"));

        assertThat(other.getBody()).isEqualTo(new AccountDebited(400L));
    }

    // --- idempotency ---

    @Test
    void shouldAnswerRepeatedDebitWithOriginalOutcomeMovingNoMoney() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        final AccountEvent original = ledger.send(debit("alice", "tx-1", 400, "USD"));
        ledger.send(credit("alice", "tx-2", 50, "USD"));
        ledger.advanceWallClock(Duration.ofMinutes(1));

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(original.getBody());
        assertThat(repeat.getSequence()).isEqualTo(original.getSequence());
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(original.getBalanceAfterMinor());
        assertThat(repeat.getOccurredAt()).isEqualTo(original.getOccurredAt());
        assertThat(ledger.send(credit("alice", "tx-3", 1, "USD")).getBalanceAfterMinor()).isEqualTo(651);
    }

    @Test
    void shouldAnswerRepeatedDeclineWithOriginalDecline() {
        openUser("alice", "USD");
        final AccountEvent original = ledger.send(debit("alice", "tx-1", 400, "USD"));
        fund("alice", 1_000);

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.INSUFFICIENT_FUNDS, 400L));
        assertThat(repeat.getSequence()).isEqualTo(original.getSequence());
    }

    @Test
    void shouldAnswerRepeatedCreditWithOriginalOutcome() {
        openUser("bob", "USD");
        final AccountEvent original = ledger.send(credit("bob", "tx-1", 300, "USD"));

        final AccountEvent repeat = ledger.send(credit("bob", "tx-1", 300, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new AccountCredited(300L));
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(original.getBalanceAfterMinor());
        assertThat(ledger.send(credit("bob", "tx-2", 1, "USD")).getBalanceAfterMinor()).isEqualTo(301);
    }

    @Test
    void shouldAnswerRepeatedRefundWithOriginalOutcome() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        final AccountEvent original = ledger.send(refund("alice", "tx-1", 400, "USD"));

        final AccountEvent repeat = ledger.send(refund("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new AccountRefunded(400L));
        assertThat(repeat.getSequence()).isEqualTo(original.getSequence());
        assertThat(ledger.send(credit("alice", "tx-2", 1, "USD")).getBalanceAfterMinor()).isEqualTo(1_001);
    }

    @Test
    void shouldAnswerRepeatedDebitAfterItsRefundWithTheOriginalDebit() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        final AccountEvent original = ledger.send(debit("alice", "tx-1", 400, "USD"));
        ledger.send(refund("alice", "tx-1", 400, "USD"));

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(new AccountDebited(400L));
        assertThat(repeat.getSequence()).isEqualTo(original.getSequence());
    }

    @Test
    void shouldAnswerRepeatedOpenDeclineWithOriginalDecline() {
        ledger.send(open("alice", "open-1", AccountType.USER, "USD"));
        final AccountEvent original = ledger.send(open("alice", "open-2", AccountType.USER, "EUR"));

        final AccountEvent repeat = ledger.send(open("alice", "open-2", AccountType.USER, "EUR"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBody()).isEqualTo(original.getBody());
        assertThat(repeat.getSequence()).isEqualTo(2);
    }

    @Test
    void shouldKeepStepsOfOneTransactionApartPerAccount() {
        openUser("alice", "USD");
        openUser("bob", "USD");
        fund("alice", 1_000);

        final AccountEvent debited = ledger.send(debit("alice", "tx-1", 400, "USD"));
        final AccountEvent credited = ledger.send(credit("bob", "tx-1", 400, "USD"));
        final AccountEvent bobRefund = ledger.send(refund("bob", "tx-1", 400, "USD"));

        assertThat(debited.getBody()).isEqualTo(new AccountDebited(400L));
        assertThat(credited.getBody()).isEqualTo(new AccountCredited(400L));
        assertThat(bobRefund.getBody()).isEqualTo(new NothingToRefund(400L));
    }

    @Test
    void shouldRememberAppliedStepsForTheRetention() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        ledger.advanceWallClock(RETENTION.minusMinutes(1));

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
    }

    @Test
    void shouldRememberAppliedStepsForTheRetentionWhenSavedAtTheEndOfABucket() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        // START is 08:00 UTC; the default 12 h bucket ends at 12:00, and the debit is stamped 00:00.
        ledger.advanceWallClock(Duration.ofHours(4).minusMillis(1));
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        ledger.advanceWallClock(RETENTION.minusMillis(1));
        saveSomethingNow();

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
    }

    @Test
    void shouldRememberAppliedStepsAtMostABucketLongerThanTheRetention() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        // Saved at 08:00 in the bucket 00:00-12:00: found while that bucket still overlaps the last hour.
        ledger.advanceWallClock(Duration.ofHours(4).plus(RETENTION).minusMinutes(1));
        saveSomethingNow();
        assertThat(ledger.send(debit("alice", "tx-1", 400, "USD")).getRepeated()).isTrue();
        ledger.advanceWallClock(Duration.ofMinutes(2));

        final AccountEvent late = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(late.getRepeated()).isFalse();
        assertThat(late.getBalanceAfterMinor()).isEqualTo(200);
    }

    @Test
    void shouldForgetAppliedStepsOlderThanTheRetentionPlusABucket() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        ledger.advanceWallClock(RETENTION.plus(AppliedStepsStore.BUCKET_DEFAULT).plusMinutes(1));

        final AccountEvent late = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(late.getRepeated()).isFalse();
        assertThat(late.getBalanceAfterMinor()).isEqualTo(200);
    }

    // --- applied steps saved by earlier versions (exact stamps, store account-applied-steps) ---

    @Test
    void shouldAnswerDebitRepeatedAfterTheUpgradeWithTheOriginalOutcome() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        final AccountEvent original = ledger.send(debit("alice", "tx-1", 400, "USD"));
        saveAsEarlierVersion("alice", "tx-1");
        ledger.advanceWallClock(Duration.ofMinutes(1));

        final AccountEvent repeat = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getSequence()).isEqualTo(original.getSequence());
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(600);
    }

    @Test
    void shouldRefundDebitAppliedBeforeTheUpgradeAndMoveItsStepsToTheBucketedStore() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        saveAsEarlierVersion("alice", "tx-1");
        ledger.advanceWallClock(Duration.ofMinutes(1));

        final AccountEvent refunded = ledger.send(refund("alice", "tx-1", 400, "USD"));
        final AccountEvent repeat = ledger.send(refund("alice", "tx-1", 400, "USD"));

        assertThat(refunded.getBody()).isEqualTo(new AccountRefunded(400L));
        assertThat(refunded.getBalanceAfterMinor()).isEqualTo(1_000);
        assertThat(repeat.getRepeated()).isTrue();
        assertThat(repeat.getBalanceAfterMinor()).isEqualTo(1_000);
        assertThat(entries(AccountStores.APPLIED_STEPS, "alice", "tx-1")).hasSize(1);
        assertThat(entries(AccountStores.APPLIED_STEPS_V1, "alice", "tx-1"))
                .as("the store of earlier versions is never written")
                .singleElement().extracting(entry -> entry.key).isEqualTo(LedgerDriver.START.toEpochMilli());
    }

    @Test
    void shouldNotDebitTransactionCancelledBeforeTheUpgrade() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(refund("alice", "tx-1", 400, "USD"));
        saveAsEarlierVersion("alice", "tx-1");

        final AccountEvent late = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(late.getBody()).isEqualTo(new DebitRejected(DebitRejectionReason.TRANSFER_CANCELLED, 400L));
        assertThat(late.getBalanceAfterMinor()).isEqualTo(1_000);
    }

    @Test
    void shouldForgetStepsOfEarlierVersionsOlderThanTheRetention() {
        openUser("alice", "USD");
        fund("alice", 1_000);
        ledger.send(debit("alice", "tx-1", 400, "USD"));
        saveAsEarlierVersion("alice", "tx-1");
        ledger.advanceWallClock(RETENTION.plusMinutes(1));

        final AccountEvent late = ledger.send(debit("alice", "tx-1", 400, "USD"));

        assertThat(late.getRepeated()).isFalse();
        assertThat(late.getBalanceAfterMinor()).isEqualTo(200);
    }

    // --- sequence numbering ---

    @Test
    void shouldNumberEveryEventOfAnAccountDeclinesIncluded() {
        final long[] sequences = {
            ledger.send(open("alice", "open-1", AccountType.USER, "USD")).getSequence(),
            ledger.send(debit("alice", "tx-1", 10, "USD")).getSequence(),
            ledger.send(credit("alice", "tx-2", 10, "EUR")).getSequence(),
            ledger.send(credit("alice", "tx-3", 10, "USD")).getSequence(),
            ledger.send(refund("alice", "tx-4", 10, "USD")).getSequence(),
            ledger.send(debit("alice", "tx-5", 10, "USD")).getSequence(),
        };

        assertThat(sequences).containsExactly(1, 2, 3, 4, 5, 6);
    }

    // --- malformed commands ---

    @Test
    void shouldSkipCommandWhoseBodyDoesNotMatchItsStep() {
        final AccountCommand mismatched = new AccountCommand("alice", "tx-1", CommandStep.CREDIT, Commands.ISSUED_AT,
                new DebitAccount(10L, "USD"));

        assertThat(ledger.sendKeyed("alice", mismatched)).isEmpty();
        assertThat(registry.get(LedgerMetrics.INVALID).counter().count()).isEqualTo(1);
    }

    @Test
    void shouldSkipCommandWithNonPositiveAmount() {
        openUser("alice", "USD");

        assertThat(ledger.sendKeyed("alice", credit("alice", "tx-1", 0, "USD"))).isEmpty();
        assertThat(ledger.sendKeyed("alice", debit("alice", "tx-2", -5, "USD"))).isEmpty();
        assertThat(registry.get(LedgerMetrics.INVALID).counter().count()).isEqualTo(2);
        assertThat(ledger.send(credit("alice", "tx-3", 1, "USD")).getSequence()).isEqualTo(2);
    }

    @Test
    void shouldSkipCommandKeyedByAnotherAccount() {
        openUser("alice", "USD");

        assertThat(ledger.sendKeyed("mallory", credit("alice", "tx-1", 10, "USD"))).isEmpty();
        assertThat(registry.get(LedgerMetrics.INVALID).counter().count()).isEqualTo(1);
    }

    // --- invariants ---

    @Test
    void shouldStopOnStoredUserAccountWithNegativeBalance() {
        final KeyValueStore<String, StoredAccount> accounts = ledger.driver().getKeyValueStore(AccountStores.ACCOUNTS);
        accounts.put("broken", new StoredAccount(StoredAccountType.USER, "USD", -1L, 7L, 0L));

        assertThatThrownBy(() -> ledger.sendKeyed("broken", credit("broken", "tx-1", 10, "USD")))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasStackTraceContaining("negative balance");
    }

    // --- metrics and names ---

    @Test
    void shouldCountCommandsByOutcomeAndReason() {
        openUser("alice", "USD");
        ledger.send(debit("alice", "tx-1", 10, "USD"));
        ledger.send(debit("alice", "tx-1", 10, "USD"));
        ledger.send(refund("alice", "tx-2", 10, "USD"));

        assertThat(count("open", LedgerMetrics.APPLIED, LedgerMetrics.NO_REASON)).isEqualTo(1);
        assertThat(count("debit", LedgerMetrics.DECLINED, "INSUFFICIENT_FUNDS")).isEqualTo(1);
        assertThat(count("debit", LedgerMetrics.REPEATED, LedgerMetrics.NO_REASON)).isEqualTo(1);
        assertThat(count("refund", LedgerMetrics.NOTHING_TO_REFUND, LedgerMetrics.NO_REASON)).isEqualTo(1);
        assertThat(count("debit", LedgerMetrics.APPLIED, LedgerMetrics.NO_REASON)).isZero();
    }

    @Test
    void shouldPrefixEveryStoreAndNodeWithAccount() {
        final StreamsBuilder builder = new StreamsBuilder();
        AccountProcessorTopology.build(builder);
        final TopologyDescription description = builder.build().describe();

        description.subtopologies().forEach(subtopology -> subtopology.nodes().forEach(node -> {
            assertThat(node.name()).startsWith("account-");
            if (node instanceof TopologyDescription.Processor processor) {
                assertThat(processor.stores()).allMatch(store -> store.startsWith("account-"));
            }
        }));
        assertThat(description.subtopologies()).flatExtracting(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node.name().equals(AccountProcessorTopology.LEDGER_NAME))
                .singleElement()
                .satisfies(node -> assertThat(((TopologyDescription.Processor) node).stores())
                        .containsExactlyInAnyOrder(AccountStores.ACCOUNTS, AccountStores.APPLIED_STEPS,
                                AccountStores.APPLIED_STEPS_V1));
    }

    private double count(final String step, final String outcome, final String reason) {
        return registry.get(LedgerMetrics.COMMANDS).tag("step", step).tag("outcome", outcome).tag("reason", reason)
                .counter().count();
    }

    private void openUser(final String accountId, final String currency) {
        ledger.send(open(accountId, "open-" + accountId, AccountType.USER, currency));
    }

    /**
     * Opens an account now: a save stamped with the current bucket moves the store's time on, and
     * only that drops old segments, so a test of how long entries last must save something first.
     */
    private void saveSomethingNow() {
        ledger.send(open("other-" + ledger.nowMs(), "open-other-" + ledger.nowMs(), AccountType.USER, "USD"));
    }

    /**
     * Moves what {@code transactionId} did on {@code accountId} from the bucketed store into the
     * store of earlier versions, stamped with the exact time now, as an earlier version saved it.
     */
    private void saveAsEarlierVersion(final String accountId, final String transactionId) {
        final String key = AppliedStepsStore.key(accountId, transactionId);
        final KeyValue<Long, StoredAppliedSteps> saved = entries(AccountStores.APPLIED_STEPS, accountId, transactionId)
                .get(0);
        ledger.driver().<String, StoredAppliedSteps>getWindowStore(AccountStores.APPLIED_STEPS).put(key, null, saved.key);
        ledger.driver().<String, StoredAppliedSteps>getWindowStore(AccountStores.APPLIED_STEPS_V1)
                .put(key, saved.value, ledger.nowMs());
    }

    private List<KeyValue<Long, StoredAppliedSteps>> entries(final String store, final String accountId,
                                                            final String transactionId) {
        final WindowStore<String, StoredAppliedSteps> windows = ledger.driver().getWindowStore(store);
        final List<KeyValue<Long, StoredAppliedSteps>> found = new ArrayList<>();
        try (WindowStoreIterator<StoredAppliedSteps> iterator =
                     windows.fetch(AppliedStepsStore.key(accountId, transactionId), 0, Long.MAX_VALUE)) {
            iterator.forEachRemaining(found::add);
        }
        return found;
    }

    private void fund(final String accountId, final long amountMinor) {
        ledger.send(credit(accountId, "fund-" + accountId + "-" + amountMinor, amountMinor, "USD"));
    }
}
