package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of the write path, checked on what the two topologies wrote: the ledger (account
 * events) and the saga's transfer events. Shared by the property test and the broker test.
 */
final class PipelineInvariants {

    private PipelineInvariants() {
    }

    /** Every check below, for the transfers {@code transactionIds} that were requested. */
    static void check(final Set<String> transactionIds, final Ledger ledger, final List<TransferEvent> transferEvents) {
        replayRebuildsReportedBalances(ledger);
        moneyIsConservedPerCurrency(ledger);
        noUserBalanceIsEverNegative(ledger);
        everyTransferEndsExactlyOnce(transactionIds, transferEvents);
        for (final TransferEvent end : terminalEvents(transferEvents)) {
            ledgerMatchesOutcome(end, ledger);
        }
    }

    /** Replaying each account's entries in order gives every balance_after, with gapless sequences. */
    static void replayRebuildsReportedBalances(final Ledger ledger) {
        ledger.entriesByAccount().forEach((account, entries) -> {
            long balance = 0;
            long sequence = 0;
            for (final AccountEvent entry : entries) {
                sequence++;
                balance = Math.addExact(balance, Ledger.movementMinor(entry));
                assertThat(entry.getSequence()).as("sequence of entry %s on %s", sequence, account).isEqualTo(sequence);
                assertThat(entry.getBalanceAfterMinor()).as("replayed balance of %s at %s", account, sequence)
                        .isEqualTo(balance);
            }
        });
    }

    /** Money enters only through system accounts, so per currency all balances sum to zero at rest. */
    static void moneyIsConservedPerCurrency(final Ledger ledger) {
        final Map<String, Long> sums = new HashMap<>();
        final Map<String, String> currencies = ledger.currencies();
        ledger.reportedBalances().forEach((account, balance) ->
                sums.merge(currencies.get(account), balance, Math::addExact));
        assertThat(sums).as("sum of balances per currency").allSatisfy((currency, sum) -> assertThat(sum).isZero());
    }

    static void noUserBalanceIsEverNegative(final Ledger ledger) {
        final Map<String, AccountType> types = ledger.types();
        for (final AccountEvent entry : ledger.entriesByAccount().values().stream().flatMap(List::stream).toList()) {
            if (types.get(entry.getAccountId()) == AccountType.USER) {
                assertThat(entry.getBalanceAfterMinor()).as("balance of user %s at %s", entry.getAccountId(),
                        entry.getSequence()).isNotNegative();
            }
        }
    }

    /** Every requested transfer has exactly one COMPLETED or FAILED event, and nothing else does. */
    static void everyTransferEndsExactlyOnce(final Set<String> transactionIds, final List<TransferEvent> events) {
        final Map<String, Long> ends = new HashMap<>();
        for (final TransferEvent end : terminalEvents(events)) {
            ends.merge(end.getTransactionId(), 1L, Long::sum);
        }
        assertThat(ends.keySet()).as("transfers that ended").isEqualTo(transactionIds);
        assertThat(ends).as("terminal events per transfer").allSatisfy((tx, count) -> assertThat(count).isOne());
    }

    /** Completed: one debit and one credit. Failed: nothing, or a debit and its refund. */
    static void ledgerMatchesOutcome(final TransferEvent end, final Ledger ledger) {
        final String tx = end.getTransactionId();
        final List<AccountEvent> debits = ledger.entriesOf(tx, AccountDebited.class);
        final List<AccountEvent> credits = ledger.entriesOf(tx, AccountCredited.class);
        final List<AccountEvent> refunds = ledger.entriesOf(tx, AccountRefunded.class);
        if (end.getBody() instanceof TransferCompleted completed) {
            assertThat(debits).as("debits of completed %s", tx).singleElement()
                    .satisfies(debit -> assertThat(debit.getAccountId()).isEqualTo(end.getFromAccount()))
                    .satisfies(debit -> assertThat(debit.getSequence()).isEqualTo(completed.getSourceSequence()));
            assertThat(credits).as("credits of completed %s", tx).singleElement()
                    .satisfies(credit -> assertThat(credit.getAccountId()).isEqualTo(end.getToAccount()))
                    .satisfies(credit -> assertThat(credit.getSequence()).isEqualTo(completed.getDestinationSequence()));
            assertThat(refunds).as("refunds of completed %s", tx).isEmpty();
            return;
        }
        final TransferFailed failed = (TransferFailed) end.getBody();
        assertThat(credits).as("credits of failed %s", tx).isEmpty();
        if (failed.getRefunded()) {
            assertThat(debits).as("debits of refunded %s", tx).hasSize(1);
            assertThat(refunds).as("refunds of refunded %s", tx).singleElement()
                    .satisfies(refund -> assertThat(refund.getAccountId()).isEqualTo(end.getFromAccount()))
                    .satisfies(refund -> assertThat(Ledger.movementMinor(refund)).isEqualTo(end.getAmountMinor()));
        } else {
            assertThat(debits).as("debits of unrefunded failed %s", tx).isEmpty();
            assertThat(refunds).as("refunds of unrefunded failed %s", tx).isEmpty();
        }
    }

    static List<TransferEvent> terminalEvents(final List<TransferEvent> events) {
        return events.stream()
                .filter(event -> event.getBody() instanceof TransferCompleted || event.getBody() instanceof TransferFailed)
                .toList();
    }
}
