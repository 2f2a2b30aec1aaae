package dev.wallet.account.topology;

import dev.wallet.account.store.AccountStores;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.kafka.CommitPacing;
import dev.wallet.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The account processor: reads {@link Topics#ACCOUNT_COMMANDS} (key account_id) and writes exactly
 * one {@link Topics#ACCOUNT_EVENTS} event (key account_id) per command, deciding each with the
 * ledger rules against the account's state. The event of a transfer step (debit, credit, refund)
 * is also written to {@link Topics#ACCOUNT_REPLIES} keyed by its transaction_id, in the same
 * transaction, so it reaches the saga task holding the transfer without a re-keying hop.
 *
 * <pre>
 *   wallet.account-commands --> account-ledger [account-balances, account-applied-steps-v2,
 *                                               account-applied-steps (read only)] --> wallet.account-events
 *                                                                    |
 *                                       (not OPEN) key transaction_id +--> wallet.account-replies
 * </pre>
 *
 * <p>Keying by account puts every command of an account on one partition and so in one task, in
 * order: the stores need no locking and a refund never overtakes its debit. Every store and
 * processor name starts with {@code account-}, so this topology can share a builder with others.
 * A malformed command is skipped, logged with topic/partition/offset and counted, never answered.
 */
public final class AccountProcessorTopology {

    /** Name of the source node that reads the commands. */
    public static final String SOURCE_NAME = "account-commands-source";

    /** Name of the processor node that applies the ledger rules. */
    public static final String LEDGER_NAME = "account-ledger";

    /** Name of the sink node that writes the ledger events. */
    public static final String SINK_NAME = "account-events-sink";

    /** Name of the sink node that writes the answers to the saga. */
    public static final String REPLIES_SINK_NAME = "account-replies-sink";

    private AccountProcessorTopology() {
    }

    /** Adds the account processor with {@link AccountProcessorSettings#defaults()} to {@code builder}. */
    public static void build(final StreamsBuilder builder) {
        build(builder, AccountProcessorSettings.defaults());
    }

    /** Adds the account processor with {@code settings} to {@code builder}. */
    public static void build(final StreamsBuilder builder, final AccountProcessorSettings settings) {
        // One set of counters for every task: they exist (at zero) before any partition is assigned.
        final LedgerMetrics metrics = new LedgerMetrics(settings.meterRegistry());
        final CommitPacing.Pacer pacer = settings.commitPacing().pacer(settings.meterRegistry());
        builder.addStateStore(AccountStores.accounts());
        builder.addStateStore(AccountStores.appliedSteps(settings.appliedStepsRetention(), settings.appliedStepsBucket()));
        builder.addStateStore(AccountStores.appliedStepsV1(settings.appliedStepsRetention()));
        final KStream<String, AccountEvent> events = builder.stream(Topics.ACCOUNT_COMMANDS.name(),
                        Topics.ACCOUNT_COMMANDS.consumed().withName(SOURCE_NAME))
                .process(() -> new AccountCommandProcessor(settings, metrics, pacer), Named.as(LEDGER_NAME),
                        AccountStores.ACCOUNTS, AccountStores.APPLIED_STEPS, AccountStores.APPLIED_STEPS_V1);
        events.to(Topics.ACCOUNT_EVENTS.name(), Topics.ACCOUNT_EVENTS.produced().withName(SINK_NAME));
        // A sink after a key change writes straight to the topic: no repartition, no extra hop.
        events.filter((accountId, event) -> event.getStep() != CommandStep.OPEN, Named.as("account-transfer-steps-only"))
                .selectKey((accountId, event) -> event.getTransactionId(), Named.as("account-key-by-transaction"))
                .to(Topics.ACCOUNT_REPLIES.name(), Topics.ACCOUNT_REPLIES.produced().withName(REPLIES_SINK_NAME));
    }
}
