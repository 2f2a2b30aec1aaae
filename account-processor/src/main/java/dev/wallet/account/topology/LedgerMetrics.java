package dev.wallet.account.topology;

import dev.wallet.account.ledger.CreditDeclined;
import dev.wallet.account.ledger.DebitDeclined;
import dev.wallet.account.ledger.Decision;
import dev.wallet.account.ledger.NoDebitToRefund;
import dev.wallet.account.ledger.OpenDeclined;
import dev.wallet.account.ledger.Outcome;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejectionReason;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.OpenRejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The account processor's counters, the ones an incident asks about first:
 * {@value #COMMANDS} by {@code step}, {@code outcome} ({@code applied}, {@code declined},
 * {@code nothing_to_refund}, {@code repeated}) and {@code reason} (the decline reason, else
 * {@code none}), and {@value #INVALID} for skipped malformed commands. Every counter is created up
 * front so counting allocates nothing; Micrometer counters are thread-safe, so all tasks share them.
 */
final class LedgerMetrics {

    /** Commands answered, by step, outcome and reason. */
    static final String COMMANDS = "wallet.account.commands";

    /** Malformed commands skipped without an answer. */
    static final String INVALID = "wallet.account.commands.invalid";

    static final String APPLIED = "applied";
    static final String DECLINED = "declined";
    static final String NOTHING_TO_REFUND = "nothing_to_refund";
    static final String REPEATED = "repeated";
    static final String NO_REASON = "none";

    private final Map<CommandStep, Counter> applied = new EnumMap<>(CommandStep.class);
    private final Map<CommandStep, Counter> repeated = new EnumMap<>(CommandStep.class);
    private final Map<Enum<?>, Counter> declined = new HashMap<>();
    private final Counter nothingToRefund;
    private final Counter invalid;

    LedgerMetrics(final MeterRegistry registry) {
        for (final CommandStep step : CommandStep.values()) {
            applied.put(step, counter(registry, step, APPLIED, NO_REASON));
            repeated.put(step, counter(registry, step, REPEATED, NO_REASON));
        }
        registerDeclines(registry, CommandStep.OPEN, OpenRejectionReason.values());
        registerDeclines(registry, CommandStep.DEBIT, DebitRejectionReason.values());
        registerDeclines(registry, CommandStep.CREDIT, CreditRejectionReason.values());
        nothingToRefund = counter(registry, CommandStep.REFUND, NOTHING_TO_REFUND, NO_REASON);
        invalid = Counter.builder(INVALID)
                .description("Malformed account commands skipped without an answer")
                .register(registry);
    }

    /** Counts one answered command. */
    void count(final Decision decision) {
        final Outcome outcome = decision.outcome();
        if (decision.repeated()) {
            repeated.get(outcome.step()).increment();
        } else if (outcome instanceof DebitDeclined debit) {
            declined.get(debit.reason()).increment();
        } else if (outcome instanceof CreditDeclined credit) {
            declined.get(credit.reason()).increment();
        } else if (outcome instanceof OpenDeclined open) {
            declined.get(open.reason()).increment();
        } else if (outcome instanceof NoDebitToRefund) {
            nothingToRefund.increment();
        } else {
            applied.get(outcome.step()).increment();
        }
    }

    /** Counts one skipped malformed command. */
    void countInvalid() {
        invalid.increment();
    }

    private void registerDeclines(final MeterRegistry registry, final CommandStep step, final Enum<?>[] reasons) {
        for (final Enum<?> reason : reasons) {
            declined.put(reason, counter(registry, step, DECLINED, reason.name()));
        }
    }

    private static Counter counter(final MeterRegistry registry, final CommandStep step, final String outcome,
                                   final String reason) {
        return Counter.builder(COMMANDS)
                .description("Account commands answered, by step, outcome and decline reason")
                .tag("step", step.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }
}
