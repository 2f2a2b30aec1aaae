package dev.wallet.saga.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.saga.pipeline.Scenario.AccountSpec;
import dev.wallet.saga.pipeline.Scenario.Expectation;
import dev.wallet.saga.pipeline.Scenario.Kind;
import dev.wallet.saga.pipeline.Scenario.Opening;
import dev.wallet.saga.pipeline.Scenario.TransferSpec;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDuplicate;
import dev.wallet.schemas.avro.TransferDuplicateConflict;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferFailed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random interleavings of opens and transfers (duplicates, conflicts, unknown accounts, overdrafts,
 * currency mismatches, cancellations, expired requests, payouts) through BOTH topologies, the saga
 * and the account processor, checked against the invariants and a plain reference model.
 */
class TransferPipelineProperties {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Property(tries = 30)
    void shouldConserveMoneyAndEndEveryTransferExactlyOnce(
            @ForAll("accounts") final List<AccountSpec> accounts,
            @ForAll("transfers") final List<TransferSpec> transfers,
            @ForAll final long interleavingSeed) {
        final Scenario scenario = new Scenario(NOW, accounts, transfers);
        try (TwoTopologies pipeline = new TwoTopologies(NOW)) {
            pipeline.run(scenario.actions(), new Random(interleavingSeed));

            final Ledger ledger = new Ledger(pipeline.ledger());
            final List<TransferEvent> events = pipeline.transferEvents();
            PipelineInvariants.check(scenario.expectations().keySet(), ledger, events);
            modelBalancesEqualLedger(ReferenceModel.of(events), ledger);
            scenario.expectations().forEach((tx, expected) -> outcomeAsModelExpects(tx, expected, eventsOf(tx, events)));
            PipelineInvariants.terminalEvents(events).forEach(end -> Statistics.label("outcome").collect(outcome(end)));
        }
    }

    private static void modelBalancesEqualLedger(final ReferenceModel model, final Ledger ledger) {
        final Map<String, Long> reported = ledger.reportedBalances();
        reported.forEach((account, balance) ->
                assertThat(balance).as("balance of %s, ledger vs model", account).isEqualTo(model.balanceOf(account)));
        model.balances().forEach((account, balance) -> {
            if (balance != 0) {
                assertThat(reported).as("accounts in the ledger").containsKey(account);
            }
        });
    }

    private static void outcomeAsModelExpects(final String tx, final Expectation expected, final List<TransferEvent> events) {
        final TransferEvent end = PipelineInvariants.terminalEvents(events).get(0);
        if (expected.reason() != null) {
            assertThat(end.getBody()).as("outcome of %s", tx).isEqualTo(new TransferFailed(expected.reason(), false));
        }
        if (!expected.mayComplete()) {
            assertThat(end.getBody()).as("outcome of %s", tx).isNotInstanceOf(TransferCompleted.class);
        }
        assertThat(count(events, TransferAccepted.class)).as("accepted events of %s", tx).isLessThanOrEqualTo(1);
        assertThat(count(events, TransferDuplicate.class)).as("duplicates of %s", tx).isEqualTo(expected.duplicates());
        assertThat(count(events, TransferDuplicateConflict.class)).as("conflicts of %s", tx)
                .isEqualTo(expected.conflicts());
    }

    /** COMPLETED, or the failure reason with "(refunded)" when the compensation ran. */
    private static String outcome(final TransferEvent end) {
        if (end.getBody() instanceof TransferFailed failed) {
            return failed.getReason() + (failed.getRefunded() ? " (refunded)" : "");
        }
        return "COMPLETED";
    }

    private static List<TransferEvent> eventsOf(final String tx, final List<TransferEvent> events) {
        return events.stream().filter(event -> event.getTransactionId().equals(tx)).toList();
    }

    private static long count(final List<TransferEvent> events, final Class<?> type) {
        return events.stream().filter(event -> type.isInstance(event.getBody())).count();
    }

    @Provide
    Arbitrary<List<AccountSpec>> accounts() {
        final Arbitrary<Opening> opening = Arbitraries.frequency(
                Tuple.of(6, Opening.EARLY), Tuple.of(2, Opening.LATE), Tuple.of(1, Opening.NEVER));
        return Combinators.combine(Arbitraries.of(Scenario.CURRENCIES), opening).as(AccountSpec::new)
                .list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<TransferSpec>> transfers() {
        final Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(-1, 0)),
                Tuple.of(19, Arbitraries.longs().between(1, 5_000))).withoutEdgeCases();
        final Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(8, Kind.PLAIN), Tuple.of(1, Kind.DUPLICATE),
                Tuple.of(1, Kind.CONFLICT), Tuple.of(2, Kind.CANCELLED), Tuple.of(1, Kind.EXPIRED),
                Tuple.of(2, Kind.PAYOUT));
        final Arbitrary<Integer> index = Arbitraries.integers().between(0, 5);
        final Arbitrary<Boolean> fromFunding = Arbitraries.integers().between(0, 2).map(i -> i == 0);
        final Arbitrary<Boolean> otherCurrency = Arbitraries.integers().between(0, 9).map(i -> i == 0);
        return Combinators.combine(index, index, amount, fromFunding, otherCurrency, kind).as(TransferSpec::new)
                .list().ofMinSize(5).ofMaxSize(40);
    }
}
